package io.swiftresponse.intake.repeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.workorder.OrderFacts;
import io.swiftresponse.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatIndexTests {

    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    static final String STREET = "110101001";
    static final double LAT = 40.3700;
    static final double LNG = 116.5300;

    final RepeatIndex index = new RepeatIndex(Duration.ofDays(30), 300, 0.3);

    static OrderFacts order(long id, String text, String phone, String street, Double lat, Double lng, WorkOrderState state,
            Instant at) {
        return new OrderFacts(id, "2026111900" + id, text, "", phone, null, lat, lng, street, "010101", state, null, at, at);
    }

    static RepeatQuery query(String text, String phone, String street, double lat, double lng) {
        return new RepeatQuery(text, phone, street, lat, lng, null, NOW);
    }

    @Test
    void theSameCallerIsACandidateWhateverTheText() {
        index.add(order(1, "小区门口井盖丢了", "13812345678", null, null, null, WorkOrderState.DISPATCHED, NOW.minusSeconds(3600)));
        List<RepeatCandidate> found = index.find(query("暖气不热", "+86 138-1234-5678", null, Double.NaN, Double.NaN), 5);
        assertThat(found).extracting(RepeatCandidate::orderId).containsExactly(1L);
        assertThat(found.get(0).reasons()).containsExactly("SAME_PHONE");
    }

    @Test
    void sameStreetNeedsSimilarText() {
        index.add(order(1, "家里暖气不热，室温只有十五度", null, STREET, null, null, WorkOrderState.IN_PROGRESS, NOW.minusSeconds(7200)));
        index.add(order(2, "楼下饭馆油烟太大呛人", null, STREET, null, null, WorkOrderState.IN_PROGRESS, NOW.minusSeconds(7200)));
        List<RepeatCandidate> found = index.find(query("暖气不热，室温只有十五度左右", null, STREET, Double.NaN, Double.NaN), 5);
        assertThat(found).extracting(RepeatCandidate::orderId).containsExactly(1L);
        assertThat(found.get(0).reasons()).containsExactly("SAME_STREET", "SIMILAR_TEXT");
        assertThat(found.get(0).similarity()).isGreaterThan(0.3);
    }

    @Test
    void aNearbyPointCountsAcrossAStreetBoundaryAFarOneDoesNot() {
        // about 110 m north, in another street
        index.add(order(1, "路灯不亮了好几天", null, "110101002", LAT + 0.001, LNG, WorkOrderState.DISPATCHED, NOW.minusSeconds(60)));
        // about 5.5 km north
        index.add(order(2, "路灯不亮了好几天", null, "110101003", LAT + 0.05, LNG, WorkOrderState.DISPATCHED, NOW.minusSeconds(60)));
        List<RepeatCandidate> found = index.find(query("路灯不亮好几天了", null, STREET, LAT, LNG), 5);
        assertThat(found).extracting(RepeatCandidate::orderId).containsExactly(1L);
        assertThat(found.get(0).reasons()).contains("WITHIN_RADIUS", "SIMILAR_TEXT");
        assertThat(found.get(0).distanceMeters()).isBetween(100.0, 120.0);
    }

    @Test
    void finishedOrdersCountOnlyWithinTheWindowOpenOnesAlways() {
        index.add(order(1, "路灯不亮", "13900000001", null, null, null, WorkOrderState.CLOSED, NOW.minus(Duration.ofDays(31))));
        index.add(order(2, "路灯不亮", "13900000001", null, null, null, WorkOrderState.IN_PROGRESS, NOW.minus(Duration.ofDays(60))));
        index.add(order(3, "路灯不亮", "13900000001", null, null, null, WorkOrderState.CLOSED, NOW.minus(Duration.ofDays(29))));
        assertThat(index.find(query("路灯不亮", "13900000001", null, Double.NaN, Double.NaN), 5))
                .extracting(RepeatCandidate::orderId).containsExactlyInAnyOrder(2L, 3L);
        assertThat(index.evict(NOW)).isEqualTo(1);
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void mergedOrdersLeaveAndProgressIsKeptCurrent() {
        index.add(order(1, "路灯不亮", "13900000001", null, null, null, WorkOrderState.RECEIVED, NOW));
        index.add(order(2, "路灯不亮", "13900000001", null, null, null, WorkOrderState.RECEIVED, NOW));
        index.progress(1, WorkOrderState.MERGED, null);
        index.progress(2, WorkOrderState.DISPATCHED, "110101001");
        List<RepeatCandidate> found = index.find(query("路灯", "13900000001", null, Double.NaN, Double.NaN), 5);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).state()).isEqualTo(WorkOrderState.DISPATCHED);
        assertThat(found.get(0).leadUnitCode()).isEqualTo("110101001");
    }

    @Test
    void theCallersSimilarOrderRanksAboveAPlaceOnlyMatch() {
        index.add(order(1, "家里暖气不热，室温只有十五度", null, STREET, null, null, WorkOrderState.IN_PROGRESS, NOW));
        index.add(order(2, "暖气不热，室温只有十五度", "13812345678", STREET, null, null, WorkOrderState.IN_PROGRESS, NOW));
        List<RepeatCandidate> found = index.find(query("暖气不热，室温只有十五度", "13812345678", STREET, Double.NaN, Double.NaN), 5);
        assertThat(found).extracting(RepeatCandidate::orderId).containsExactly(2L, 1L);
        assertThat(found.get(0).reasons()).containsExactly("SAME_PHONE", "SAME_STREET", "SIMILAR_TEXT");
    }

    @Test
    void phoneKeysIgnoreFormattingAndCountryCode() {
        assertThat(RepeatIndex.phoneKey("+86 138-1234-5678")).isEqualTo("13812345678");
        assertThat(RepeatIndex.phoneKey("010 6512 3456")).isEqualTo("01065123456");
        assertThat(RepeatIndex.phoneKey("12345")).isNull();
    }

    @Test
    void minHashEstimatesJaccardOfBigrams() {
        // 路灯不亮 has bigrams {路灯, 灯不, 不亮}; 路灯不亮了 adds 亮了: Jaccard 3/4
        double sim = MinHash.similarity(MinHash.signature("路灯不亮"), MinHash.signature("路灯不亮了"));
        assertThat(sim).isBetween(0.55, 0.95);
        assertThat(MinHash.similarity(MinHash.signature("路灯不亮"), MinHash.signature("路灯不亮"))).isEqualTo(1.0);
        assertThat(MinHash.similarity(MinHash.signature(""), MinHash.signature(""))).isEqualTo(0.0);
    }
}
