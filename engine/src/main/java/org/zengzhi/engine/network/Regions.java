package org.zengzhi.engine.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.zengzhi.engine.RegionLevel;

/**
 * The GB/T 2260 region tree, province &gt; city &gt; district (R-4.5), read from the engine resource
 * {@code org/zengzhi/engine/regions/gbt2260.csv} (source, licence and conversion in the README beside it).
 *
 * <p>Every district has a city and every city a province: municipalities keep their city-level row
 * (110100 市辖区 under 110000 北京市), and so do the provinces' directly administered counties (419000
 * 省直辖县级行政区划). Lookups only: the table is read once, checked, and never changes, so an instance is
 * immutable and safe to share between threads. Unknown codes are not errors: {@link #find} gives null,
 * {@link #pathToRoot} and {@link #children} an empty list.
 */
public final class Regions implements RegionDirectory {
    /** The resource, relative to this class's package. */
    static final String RESOURCE = "regions/gbt2260.csv";

    /**
     * One region. {@code parentCode} is null for a province, the province's code for a city, the city's
     * code for a district.
     */
    public record Region(String code, String name, RegionLevel level, String parentCode) {}

    private final List<Region> all;                   // sorted by code
    private final Map<String, Region> byCode;
    private final Map<String, List<Region>> childrenByCode;
    private final List<Region> provinces;
    private final Map<String, List<RegionRef>> paths;

    private Regions(List<Region> all) {
        this.all = List.copyOf(all);
        Map<String, Region> index = new HashMap<>(all.size() * 2);
        for (Region region : all) {
            index.put(region.code(), region);
        }
        Map<String, List<Region>> children = new HashMap<>();
        List<Region> roots = new ArrayList<>();
        for (Region region : all) {                   // in code order, so every child list is too
            if (region.parentCode() == null) {
                roots.add(region);
            } else {
                List<Region> siblings = children.get(region.parentCode());
                if (siblings == null) {
                    siblings = new ArrayList<>();
                    children.put(region.parentCode(), siblings);
                }
                siblings.add(region);
            }
        }
        for (Map.Entry<String, List<Region>> entry : children.entrySet()) {
            entry.setValue(List.copyOf(entry.getValue()));
        }
        this.byCode = index;
        this.childrenByCode = children;
        this.provinces = List.copyOf(roots);
        this.paths = paths(this.all, index);
    }

    /** The table shipped with the engine, read on first use. Fails loudly if the resource is broken. */
    public static Regions standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final Regions INSTANCE = load();

        private static Regions load() {
            try (InputStream in = Regions.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("region table missing: " + RESOURCE);
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /**
     * Reads and checks a table of lines {@code code,parentCode,level,name} (lines starting with # and
     * blank lines are skipped). Throws IllegalStateException naming the source and line on any fault:
     * a code that is not 6 digits or not in ascending order (so no duplicates), an unknown level, a
     * parent that is missing or of the wrong level, a code that does not extend its parent's.
     */
    static Regions parse(Reader reader, String source) throws IOException {
        List<Region> regions = new ArrayList<>(4096);
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String previous = "";
        int lineNumber = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 4) {
                throw broken(source, lineNumber, "expected code,parentCode,level,name: " + line);
            }
            String code = f[0];
            String parent = f[1].isEmpty() ? null : f[1];
            String name = f[3];
            if (!isCode(code) || (parent != null && !isCode(parent))) {
                throw broken(source, lineNumber, "not a 6-digit code: " + line);
            }
            if (code.compareTo(previous) <= 0) {
                throw broken(source, lineNumber, code.equals(previous)
                        ? "duplicate code " + code : "codes out of order: " + code + " after " + previous);
            }
            previous = code;
            if (name.isBlank()) {
                throw broken(source, lineNumber, "empty name for " + code);
            }
            RegionLevel level = switch (f[2]) {
                case "province" -> RegionLevel.PROVINCE;
                case "city" -> RegionLevel.CITY;
                case "district" -> RegionLevel.DISTRICT;
                default -> throw broken(source, lineNumber, "unknown level " + f[2]);
            };
            String shape = switch (level) {
                case PROVINCE -> parent == null && code.endsWith("0000") ? null : "a province is PP0000 with no parent";
                case CITY -> parent != null && code.endsWith("00") && !code.endsWith("0000")
                        && code.startsWith(parent.substring(0, 2)) ? null : "a city is PPCC00 under PP0000";
                case DISTRICT -> parent != null && !code.endsWith("00")
                        && code.startsWith(parent.substring(0, 4)) ? null : "a district is PPCCDD under PPCC00";
            };
            if (shape != null) {
                throw broken(source, lineNumber, shape + ": " + line);
            }
            regions.add(new Region(code, name, level, parent));
        }
        Regions table = new Regions(regions);
        for (Region region : table.all) {
            if (region.parentCode() == null) {
                continue;
            }
            Region parent = table.byCode.get(region.parentCode());
            RegionLevel expected = region.level() == RegionLevel.CITY ? RegionLevel.PROVINCE : RegionLevel.CITY;
            if (parent == null || parent.level() != expected) {
                throw new IllegalStateException(source + ": " + region.code() + " needs a " + expected
                        + " " + region.parentCode() + (parent == null ? ", which is missing" : ", found " + parent));
            }
        }
        if (table.provinces.isEmpty()) {
            throw new IllegalStateException(source + ": no regions");
        }
        return table;
    }

    private static boolean isCode(String s) {
        if (s.length() != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static IllegalStateException broken(String source, int line, String message) {
        return new IllegalStateException(source + " line " + line + ": " + message);
    }

    /** The region with this code, or null if there is none (or the code is null). */
    public Region find(String code) {
        return code == null ? null : byCode.get(code);
    }

    /** The region itself, then its city, then its province; empty for an unknown code. */
    public List<Region> pathToRoot(String code) {
        Region region = find(code);
        if (region == null) {
            return List.of();
        }
        List<Region> path = new ArrayList<>(3);
        for (; region != null; region = find(region.parentCode())) {
            path.add(region);
        }
        return List.copyOf(path);
    }

    /** The regions directly under this one, ordered by code; empty for a district or an unknown code. */
    /** The path as the engine needs it: each region's code and level, from the region up to its province. */
    @Override
    public List<RegionRef> path(String code) {
        if (code == null) {
            return List.of();
        }
        List<RegionRef> cached = paths.get(code);
        return cached != null ? cached : List.of();
    }

    /** Every region's path as the engine needs it, built once: an order's agent rewards look it up. */
    private static Map<String, List<RegionRef>> paths(List<Region> all, Map<String, Region> byCode) {
        Map<String, List<RegionRef>> paths = new HashMap<>(all.size() * 2);
        for (Region region : all) {
            List<RegionRef> refs = new ArrayList<>(3);
            for (Region at = region; at != null; at = at.parentCode() == null ? null : byCode.get(at.parentCode())) {
                refs.add(new RegionRef(at.code(), at.level()));
            }
            paths.put(region.code(), List.copyOf(refs));
        }
        return paths;
    }

    public List<Region> children(String code) {
        List<Region> children = code == null ? null : childrenByCode.get(code);
        return children == null ? List.of() : children;
    }

    /** The provinces, ordered by code: the top of a picker. */
    public List<Region> provinces() {
        return provinces;
    }

    /** Every region, ordered by code. */
    public List<Region> all() {
        return all;
    }

    /** The number of regions. */
    public int size() {
        return all.size();
    }

    @Override
    public String toString() {
        return "Regions[" + all.size() + "]";
    }
}
