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
    void shinglesAreTheDistinctBigramsOfLettersAndDigitsCappedAt64() {
        assertThat(Shingles.of("路灯不亮")).hasSize(3).isSorted();
        assertThat(Shingles.of("路灯，不亮！ ")).isEqualTo(Shingles.of("路灯不亮"));
        assertThat(Shingles.of("市民来电反映路灯不亮，希望尽快处理")).isEqualTo(Shingles.of("路灯不亮"));
        assertThat(Shingles.of("哈哈哈哈")).hasSize(1);
        assertThat(Shingles.of("，。")).isEmpty();
        // 80 different Han characters: 79 distinct bigrams, the 64 smallest hashes kept
        StringBuilder longText = new StringBuilder();
        for (int c = 0x4E00; c < 0x4E00 + 80; c++) longText.appendCodePoint(c);
        int[] all = Shingles.of(longText.toString());
        assertThat(all).hasSize(Shingles.MAX).isSorted();
        // a text holding the first 40 characters keeps its own 39 bigrams; those among the long text's 64 are in both
        int[] part = Shingles.of(longText.substring(0, 40));
        assertThat(part).hasSize(39);
        assertThat(java.util.Arrays.stream(part).filter(h -> h <= all[all.length - 1]))
                .allMatch(h -> java.util.Arrays.binarySearch(all, h) >= 0);
    }

    @Test
    void commonBigramsWeighLessThanRareOnes() {
        // three orders of one street share 甲乙 (df 3); every other bigram occurs once. N = 3:
        // w(甲乙) = ln(4 / 3.5) = 0.1335, w(once) = ln(4 / 1.5) = 0.9808, w(unseen) = ln(4 / 0.5) = 2.0794
        index.add(order(1, "甲乙丙丁", null, STREET, null, null, WorkOrderState.IN_PROGRESS, NOW));
        index.add(order(2, "甲乙戊己", null, STREET, null, null, WorkOrderState.IN_PROGRESS, NOW));
        index.add(order(3, "甲乙庚辛", null, STREET, null, null, WorkOrderState.IN_PROGRESS, NOW));
        index.reweigh();
        // 丙丁甲乙 = {丙丁, 丁甲, 甲乙} shares 丙丁 + 甲乙 with order 1: (0.9808 + 0.1335) / min(3.1937, 2.0951) = 0.532
        List<RepeatCandidate> found = index.find(query("丙丁甲乙", null, STREET, Double.NaN, Double.NaN), 5);
        assertThat(found).extracting(RepeatCandidate::orderId).containsExactly(1L);
        assertThat(found.get(0).similarity()).isEqualTo(0.532);
        // 甲乙壬癸 shares only the common 甲乙 with each: 0.1335 / 2.0951 = 0.064 (plain Jaccard would say 1/5 = 0.2)
        assertThat(index.find(query("甲乙壬癸", null, STREET, Double.NaN, Double.NaN), 5, 0.05))
                .extracting(RepeatCandidate::similarity).containsExactly(0.064, 0.064, 0.064);
        assertThat(index.find(query("甲乙壬癸", null, STREET, Double.NaN, Double.NaN), 5)).isEmpty();
    }

    @Test
    void weightsAreRecomputedByReweighAndFollowRemovals() {
        index.add(order(1, "甲乙丙丁", null, STREET, null, null, WorkOrderState.IN_PROGRESS, NOW));
        index.add(order(2, "甲乙戊己", null, STREET, null, null, WorkOrderState.IN_PROGRESS, NOW));
        index.add(order(3, "甲乙庚辛", null, STREET, null, null, WorkOrderState.IN_PROGRESS, NOW));
        // order 1 was weighed when it was alone (all its bigrams as rare as 甲乙): the share is capped at 1
        assertThat(index.find(query("丙丁甲乙", null, STREET, Double.NaN, Double.NaN), 5).get(0).similarity()).isEqualTo(1.0);
        index.reweigh();
        assertThat(index.find(query("丙丁甲乙", null, STREET, Double.NaN, Double.NaN), 5).get(0).similarity()).isEqualTo(0.532);
        // without orders 2 and 3, N = 1 and every bigram of order 1 occurs once: w = ln(2 / 1.5) = 0.2877, unseen ln(2 / 0.5) = 1.3863;
        // shared 丙丁 + 甲乙 = 0.5754 / min(0.2877 + 1.3863 + 0.2877, 0.8630) = 0.667
        index.remove(2);
        index.remove(3);
        index.reweigh();
        assertThat(index.find(query("丙丁甲乙", null, STREET, Double.NaN, Double.NaN), 5).get(0).similarity()).isEqualTo(0.667);
    }
}
