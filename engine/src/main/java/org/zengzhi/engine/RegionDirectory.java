package org.zengzhi.engine;

import java.util.List;

/** The region tree the engine resolves codes in: GB/T 2260 in production, small trees in tests. */
public interface RegionDirectory {

    /** A directory that knows no region: for pool-only engines. */
    RegionDirectory EMPTY = code -> List.of();

    /** The region itself first, then its parents up to the province; empty for an unknown code. */
    List<RegionRef> path(String code);

    /** A region code with its level. */
    record RegionRef(String code, RegionLevel level) {
    }
}
