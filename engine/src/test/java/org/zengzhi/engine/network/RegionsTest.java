package org.zengzhi.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import org.zengzhi.engine.RegionLevel;
import org.zengzhi.engine.network.Regions.Region;

class RegionsTest {
    private final Regions regions = Regions.standard();

    private static List<String> codes(List<Region> path) {
        return path.stream().map(Region::code).toList();
    }

    @Test
    void tianheIsADistrictOfGuangzhouInGuangdong() {
        Region tianhe = regions.find("440106");
        assertThat(tianhe).isEqualTo(new Region("440106", "天河区", RegionLevel.DISTRICT, "440100"));
        assertThat(regions.find("440100")).isEqualTo(new Region("440100", "广州市", RegionLevel.CITY, "440000"));
        assertThat(regions.find("440000")).isEqualTo(new Region("440000", "广东省", RegionLevel.PROVINCE, null));
        assertThat(codes(regions.pathToRoot("440106"))).containsExactly("440106", "440100", "440000");
        assertThat(regions.pathToRoot("440100")).extracting(Region::name).containsExactly("广州市", "广东省");
        assertThat(regions.pathToRoot("440000")).extracting(Region::name).containsExactly("广东省");
    }

    @Test
    void municipalitiesKeepTheirCityLevel() {
        assertThat(regions.find("110105").name()).isEqualTo("朝阳区");
        List<Region> path = regions.pathToRoot("110105");
        assertThat(codes(path)).containsExactly("110105", "110100", "110000");
        assertThat(path).extracting(Region::level)
                .containsExactly(RegionLevel.DISTRICT, RegionLevel.CITY, RegionLevel.PROVINCE);
        assertThat(path.get(2).name()).isEqualTo("北京市");

        assertThat(regions.find("310000")).isEqualTo(new Region("310000", "上海市", RegionLevel.PROVINCE, null));
        assertThat(codes(regions.children("310000"))).containsExactly("310100");
        assertThat(regions.children("310100")).extracting(Region::name).contains("黄浦区", "浦东新区");
        for (String municipality : List.of("110000", "120000", "310000", "500000")) {
            assertThat(regions.children(municipality)).as(municipality)
                    .allSatisfy(city -> assertThat(city.level()).isEqualTo(RegionLevel.CITY))
                    .isNotEmpty();
        }
        // Chongqing's counties sit under 500200 县, its districts under 500100 市辖区.
        assertThat(codes(regions.pathToRoot("500229"))).containsExactly("500229", "500200", "500000");
        // A province's directly administered county-level city.
        assertThat(codes(regions.pathToRoot("419001"))).containsExactly("419001", "419000", "410000");
        assertThat(regions.find("419001").name()).isEqualTo("济源市");
    }

    @Test
    void citiesWithoutDistrictsAreLeaves() {
        assertThat(regions.find("441900")).isEqualTo(new Region("441900", "东莞市", RegionLevel.CITY, "440000"));
        assertThat(regions.children("441900")).isEmpty();
    }

    @Test
    void everyProvinceHasChildrenAndEveryPathIsConsistent() {
        assertThat(regions.provinces()).isNotEmpty().allSatisfy(province -> {
            assertThat(province.level()).isEqualTo(RegionLevel.PROVINCE);
            assertThat(regions.children(province.code())).as(province.name()).isNotEmpty();
        });
        for (Region region : regions.all()) {
            List<Region> path = regions.pathToRoot(region.code());
            assertThat(path.get(0)).isSameAs(region);
            assertThat(path).hasSize(region.level().ordinal() + 1);
            assertThat(path.get(path.size() - 1).level()).isEqualTo(RegionLevel.PROVINCE);
            for (Region child : regions.children(region.code())) {
                assertThat(child.parentCode()).isEqualTo(region.code());
                assertThat(child.level().ordinal()).isEqualTo(region.level().ordinal() + 1);
            }
        }
    }

    @Test
    void childrenAreOrderedByCode() {
        List<String> guangdong = codes(regions.children("440000"));
        assertThat(guangdong).isSorted().contains("440100", "440300").doesNotContain("440106");
        assertThat(codes(regions.children("440100"))).isSorted().contains("440106");
        assertThat(codes(regions.provinces())).isSorted();
        assertThat(codes(regions.all())).isSorted();
    }

    @Test
    void unknownCodesResolveToNothing() {
        for (String unknown : new String[] {"999999", "440199", "000000", "4401", "", "abcdef"}) {
            assertThat(regions.find(unknown)).as(unknown).isNull();
            assertThat(regions.pathToRoot(unknown)).as(unknown).isEmpty();
            assertThat(regions.children(unknown)).as(unknown).isEmpty();
        }
        assertThat(regions.find(null)).isNull();
        assertThat(regions.children("440106")).isEmpty();
    }

    @Test
    void countsPerLevelArePlausible() {
        Map<RegionLevel, Long> counts = regions.all().stream()
                .collect(Collectors.groupingBy(Region::level, Collectors.counting()));
        // china-division 2.7.0 (NBS 2023): 31 provinces (no HK/MO/TW), 342 cities, 2,975 districts.
        assertThat(counts.get(RegionLevel.PROVINCE)).isBetween(31L, 34L);
        assertThat(counts.get(RegionLevel.CITY)).isBetween(330L, 360L);
        assertThat(counts.get(RegionLevel.DISTRICT)).isBetween(2800L, 3100L);
        assertThat(regions.size()).isEqualTo(regions.all().size());
        assertThat(regions.provinces()).hasSize(counts.get(RegionLevel.PROVINCE).intValue());
    }

    @Test
    void resourceParsesWithNoDuplicates() throws IOException {
        List<String> lines;
        try (InputStream in = Regions.class.getResourceAsStream(Regions.RESOURCE)) {
            assertThat(in).isNotNull();
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#")).toList();
        }
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            String[] f = line.split(",", -1);
            assertThat(f).as(line).hasSize(4);
            assertThat(seen.add(f[0])).as("duplicate " + f[0]).isTrue();
            assertThat(f[0]).matches("\\d{6}");
            assertThat(f[2]).isIn("province", "city", "district");
        }
        assertThat(seen).hasSize(regions.size());
        Map<String, Region> byCode = regions.all().stream()
                .collect(Collectors.toMap(Region::code, Function.identity()));
        assertThat(byCode).hasSize(regions.size());
    }

    @Test
    void loadIsFastAndTheStandardTableIsShared() throws IOException {
        long start = System.nanoTime();
        Regions fresh;
        try (InputStream in = Regions.class.getResourceAsStream(Regions.RESOURCE)) {
            fresh = Regions.parse(new InputStreamReader(in, StandardCharsets.UTF_8), Regions.RESOURCE);
        }
        long micros = (System.nanoTime() - start) / 1000;
        System.out.println("Regions: parsed " + fresh.size() + " regions in " + micros + " µs");
        assertThat(fresh.all()).isEqualTo(regions.all());
        assertThat(Regions.standard()).isSameAs(regions);
    }

    @Test
    void brokenTablesFailLoudly() {
        assertThatThrownBy(() -> parse("110000,,province,北京市\n110101,110100,district,东城区\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("110101 needs a CITY 110100, which is missing");
        assertThatThrownBy(() -> parse("110000,,province,北京市\n110100,110000,city,市辖区\n110101,119900,district,东城区\n"))
                .hasMessageContaining("110101");
        assertThatThrownBy(() -> parse("110000,,province,北京市\n110000,,province,北京市\n"))
                .hasMessageContaining("duplicate code 110000");
        assertThatThrownBy(() -> parse("120000,,province,天津市\n110000,,province,北京市\n"))
                .hasMessageContaining("out of order");
        assertThatThrownBy(() -> parse("110000,,province,北京市\n110101,110000,district,东城区\n"))
                .hasMessageContaining("a district is PPCCDD under PPCC00");
        assertThatThrownBy(() -> parse("110000,,province,北京市\n110100,110000,town,市辖区\n"))
                .hasMessageContaining("unknown level town");
        assertThatThrownBy(() -> parse("110000,,province\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> parse("11000,,province,北京市\n")).hasMessageContaining("6-digit");
        assertThatThrownBy(() -> parse("# nothing\n")).hasMessageContaining("no regions");
        assertThatThrownBy(() -> parse("110000,,province,北京市\n110100,1,city,市辖区\n")).hasMessageContaining("6-digit");
    }

    private static Regions parse(String csv) throws IOException {
        return Regions.parse(new StringReader(csv), "test");
    }
}
