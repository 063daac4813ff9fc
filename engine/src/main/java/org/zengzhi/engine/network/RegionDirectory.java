package org.zengzhi.engine.network;

import java.util.List;

import org.zengzhi.engine.RegionLevel;

/** The region tree the engine resolves codes in: GB/T 2260 in production, small trees in tests. */
public interface RegionDirectory {

    /** GB/T 2260, loaded on first use, so engines that never look a region up never load the table. */
    RegionDirectory STANDARD = code -> Regions.standard().path(code);

    /** The region itself first, then its parents up to the province; empty for an unknown code. */
    List<RegionRef> path(String code);

    /** A region code with its level. */
    record RegionRef(String code, RegionLevel level) {
    }
}
