package io.swiftresponse.intake.place;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.directory.GeoPoint;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.directory.UnitType;
import io.swiftresponse.shared.csv.CsvReader;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaceLookupTests {

    static final Map<String, Unit> UNITS = units();
    static final PlaceLookup LOOKUP = new PlaceLookup(Gazetteer.fromResource(Places.GAZETTEER, districts()),
            code -> Optional.ofNullable(UNITS.get(code)),
            // a stand-in polygon: only 东华门街道's rectangle, as the demo seeder lays it out
            p -> p.lat() >= 40.35625 && p.lat() <= 40.38125 && p.lng() >= 116.50 && p.lng() <= 116.56
                    ? Optional.of(UNITS.get("110101001")) : Optional.empty());

    @Test
    void resolvesAStreetNamedInTheAddress() {
        Place p = LOOKUP.byAddress("北京市东城区东华门街道某小区3号楼");
        assertThat(p.status()).isEqualTo(Place.Status.RESOLVED);
        assertThat(p.streetCode()).isEqualTo("110101001");
        assertThat(p.districtName()).isEqualTo("东城区");
    }

    @Test
    void resolvesALandmarkAndACommunityToTheirStreet() {
        assertThat(LOOKUP.byAddress("王府井步行街东口").streetCode()).isEqualTo("110101001");
        // full-width digits and spaces do not matter
        Place p = LOOKUP.byAddress("景山 西里社区 ３号楼");
        assertThat(p.streetCode()).isEqualTo("110101002");
        assertThat(p.matched()).extracting(Place.Match::name).contains("景山西里社区");
    }

    @Test
    void sameStreetNameInTwoDistrictsIsAmbiguousWithBothCandidates() {
        Place p = LOOKUP.byAddress("八里庄路10号");
        assertThat(p.status()).isEqualTo(Place.Status.AMBIGUOUS);
        assertThat(p.streetCode()).isNull();
        assertThat(p.candidates()).extracting(Place.Candidate::streetCode).containsExactlyInAnyOrder("110105015", "110108005");
    }

    @Test
    void aDistrictNameDecidesBetweenSameNamedStreets() {
        assertThat(LOOKUP.byAddress("海淀区八里庄路10号").streetCode()).isEqualTo("110108005");
        assertThat(LOOKUP.byAddress("朝阳八里庄").streetCode()).isEqualTo("110105015");
    }

    @Test
    void sameNamedCommunitiesAreAmbiguousUnlessTheStreetIsNamedToo() {
        Place alone = LOOKUP.byAddress("光明社区5号楼");
        assertThat(alone.status()).isEqualTo(Place.Status.AMBIGUOUS);
        assertThat(alone.candidates()).extracting(Place.Candidate::streetCode).containsExactlyInAnyOrder("110101016", "110113002");
        Place withStreet = LOOKUP.byAddress("天坛街道光明社区5号楼");
        assertThat(withStreet.status()).isEqualTo(Place.Status.RESOLVED);
        assertThat(withStreet.streetCode()).isEqualTo("110101016");
    }

    @Test
    void unknownAddressIsReportedNotGuessed() {
        Place p = LOOKUP.byAddress("火星基地一号");
        assertThat(p.status()).isEqualTo(Place.Status.UNKNOWN);
        assertThat(p.streetCode()).isNull();
        assertThat(p.candidates()).isEmpty();
    }

    @Test
    void pointsAreLocatedByPolygonOrReportedOutside() {
        Place in = LOOKUP.byPoint(new GeoPoint(40.37, 116.53));
        assertThat(in.status()).isEqualTo(Place.Status.RESOLVED);
        assertThat(in.method()).isEqualTo("polygon");
        assertThat(in.explanation()).contains("东华门街道");
        assertThat(LOOKUP.byPoint(new GeoPoint(31.23, 121.47)).status()).isEqualTo(Place.Status.UNKNOWN);
    }

    private static Map<String, Unit> units() {
        try (InputStream in = PlaceLookupTests.class.getResourceAsStream("/demo/units.csv")) {
            Map<String, Unit> out = new LinkedHashMap<>();
            for (Map<String, String> r : CsvReader.readWithHeader(in)) {
                out.put(r.get("code"), new Unit(r.get("code"), r.get("name"), UnitType.valueOf(r.get("type")), r.get("parent_code")));
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> districts() {
        Map<String, String> out = new LinkedHashMap<>();
        UNITS.values().stream().filter(u -> u.type() == UnitType.DISTRICT).forEach(u -> out.put(u.code(), u.name()));
        return out;
    }
}
