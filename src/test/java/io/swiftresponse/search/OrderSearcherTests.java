package io.swiftresponse.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swiftresponse.search.index.IndexableOrder;
import io.swiftresponse.search.index.InvalidQueryException;
import io.swiftresponse.search.index.OrderIndex;
import io.swiftresponse.search.index.OrderSearcher;
import io.swiftresponse.workorder.OrderView.DeadlineStatus;
import io.swiftresponse.workorder.WorkOrderState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index and its queries without Spring or a database: ranking, filters, scope, deadline status, syntax. */
class OrderSearcherTests {

    static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    @TempDir
    Path folder;
    OrderIndex index;
    OrderSearcher searcher;

    @BeforeEach
    void open() {
        index = new OrderIndex(folder, 0.1, 16);
        searcher = new OrderSearcher(index);
        index.upsert(List.of(
                // 1: the word in the title, recorded first
                order(1, "暖气不热", "家里只有十五度", "", "010101", "110101001", "110101001", "110101", 1, null, null),
                // 2: the word only in the description, newer
                order(2, "室温低", "卧室暖气片冰凉，暖气不热已经三天", "", "010102", "110101001", "110101001", "110101", 2,
                        NOW.minusSeconds(60), NOW.minusSeconds(3600)),
                // 3: a noise complaint elsewhere, overdue-free but warning
                order(3, "施工噪音", "夜间施工噪音扰民", "已协调城管执法", "030201", "110102001", "110102001", "110102", 3,
                        NOW.plusSeconds(3600), NOW.minusSeconds(60)),
                // 4: wage arrears with the reply in the notes, sent to a department
                order(4, "工资问题", "公司拖欠工资三个月", "已督促企业发放", "060101", "D07", "110105001", "110105", 4,
                        null, null)));
        index.refresh();
    }

    @AfterEach
    void close() {
        index.close();
    }

    static IndexableOrder order(long id, String title, String description, String notes, String category, String lead,
            String street, String district, int day, Instant due, Instant warn) {
        Instant recorded = Instant.parse("2026-11-01T08:00:00Z").plusSeconds(86_400L * day);
        return new IndexableOrder(id, "20261101" + String.format("%05d", id), title, description, notes, "DISPATCHED", category,
                lead, List.of(), lead.equals(street) ? null : district, street, district, recorded, recorded, due, warn);
    }

    private List<Long> ids(OrderSearchRequest r, String scope) {
        return searcher.search(r, scope, NOW).hits().stream().map(OrderSearcher.Hit::id).toList();
    }

    private static OrderSearchRequest filter(String text, String category, String district, DeadlineStatus status) {
        return new OrderSearchRequest(text, null, category, null, null, district, null, null, null, status, null, 0, 20);
    }

    @Test
    void ranksATitleMatchAboveADescriptionMatch() {
        assertThat(ids(OrderSearchRequest.text("暖气不热"), null)).containsExactly(1L, 2L);
        List<OrderSearcher.Hit> hits = searcher.search(OrderSearchRequest.text("暖气不热"), null, NOW).hits();
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score()).isPositive();
    }

    @Test
    void findsWordsSpreadOverTitleDescriptionAndNotes() {
        assertThat(ids(OrderSearchRequest.text("工资 督促"), null)).containsExactly(4L);
    }

    @Test
    void expandsSynonymsAtQueryTime() {
        assertThat(ids(OrderSearchRequest.text("供暖"), null)).containsExactlyInAnyOrder(1L, 2L);
        assertThat(ids(OrderSearchRequest.text("欠薪"), null)).containsExactly(4L);
    }

    @Test
    void highlightsTheMatchedWordsEscapingTheText() {
        OrderSearcher.Hit hit = searcher.search(OrderSearchRequest.text("噪音"), null, NOW).hits().get(0);
        assertThat(hit.highlights()).containsEntry("title", "施工<em>噪音</em>");
        assertThat(hit.highlights().get("description")).contains("<em>噪音</em>");
        assertThat(hit.highlights()).doesNotContainKey("notes");
        OrderSearcher.Hit spread = searcher.search(OrderSearchRequest.text("暖气 十五度"), null, NOW).hits().get(0);
        assertThat(spread.highlights()).containsEntry("title", "<em>暖气</em>不热");
        assertThat(spread.highlights()).containsEntry("description", "家里只有<em>十</em><em>五</em><em>度</em>");
    }

    @Test
    void aHandlerFindsOnlyTheOrdersOfItsUnit() {
        assertThat(ids(OrderSearchRequest.text("暖气 OR 噪音 OR 工资"), "110101001")).containsExactlyInAnyOrder(1L, 2L);
        // the district gets the copy of orders sent directly to its streets
        assertThat(ids(filter(null, null, null, null), "110105")).containsExactly(4L);
        assertThat(ids(filter(null, null, null, null), "110108")).isEmpty();
    }

    @Test
    void filtersByCategoryAtAnyLevelOfTheTree() {
        assertThat(ids(filter(null, "01", null, null), null)).containsExactly(2L, 1L);
        assertThat(ids(filter(null, "0101", null, null), null)).containsExactly(2L, 1L);
        assertThat(ids(filter(null, "010102", null, null), null)).containsExactly(2L);
        assertThat(ids(filter(null, "0301", "110101", null), null)).isEmpty();
    }

    @Test
    void anEmptyTextListsTheFilteredOrdersNewestFirst() {
        assertThat(ids(filter(null, null, null, null), null)).containsExactly(4L, 3L, 2L, 1L);
        assertThat(ids(filter(null, null, "110101", null), null)).containsExactly(2L, 1L);
    }

    @Test
    void filtersByDeadlineStatusAsOfNow() {
        assertThat(ids(filter(null, null, null, DeadlineStatus.OVERDUE), null)).containsExactly(2L);
        assertThat(ids(filter(null, null, null, DeadlineStatus.WARNING), null)).containsExactly(3L);
        assertThat(ids(filter(null, null, null, DeadlineStatus.ON_TIME), null)).containsExactly(4L, 1L);
    }

    @Test
    void filtersByStateAndRecordingTime() {
        OrderSearchRequest byDate = new OrderSearchRequest(null, WorkOrderState.DISPATCHED, null, null, null, null, null,
                Instant.parse("2026-11-03T08:00:00Z"), Instant.parse("2026-11-04T08:00:00Z"), null, null, 0, 20);
        assertThat(ids(byDate, null)).containsExactly(2L);
        OrderSearchRequest closed = new OrderSearchRequest(null, WorkOrderState.CLOSED, null, null, null, null, null, null, null,
                null, null, 0, 20);
        assertThat(ids(closed, null)).isEmpty();
    }

    @Test
    void replacesAnOrdersDocumentInsteadOfAddingASecond() {
        index.upsert(List.of(order(1, "暖气已修好", "家里只有十五度", "已维修", "010101", "110101001", "110101001", "110101", 1,
                null, null)));
        index.refresh();
        assertThat(index.documents()).isEqualTo(4);
        assertThat(ids(OrderSearchRequest.text("维修"), null)).containsExactly(1L);
    }

    @Test
    void refusesBadSyntaxUnknownFieldsAndRegularExpressionsWithAHint() {
        assertThatThrownBy(() -> ids(OrderSearchRequest.text("暖气 AND (不热"), null))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("syntax is not valid")
                .hasMessageContaining("\"…\" for an exact phrase");
        assertThatThrownBy(() -> ids(OrderSearchRequest.text("units:110101001"), null))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("Unknown field 'units'");
        assertThatThrownBy(() -> ids(OrderSearchRequest.text("/暖.*/"), null))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("Regular expressions");
        assertThatThrownBy(() -> ids(OrderSearchRequest.text("*气"), null)).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> ids(OrderSearchRequest.text("，。！"), null))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("no searchable words");
    }

    @Test
    void keepsTheWatermarkInTheCommitAcrossARestart() {
        assertThat(index.unfinishedBuild()).as("a new index needs a full build").contains(Instant.EPOCH);
        index.buildProgress(null);
        index.commit();
        index.close();
        index = new OrderIndex(folder, 0.1, 16);
        assertThat(index.fresh()).isFalse();
        assertThat(index.unfinishedBuild()).isEmpty();
        assertThat(index.watermark()).isEqualTo(Instant.parse("2026-11-05T08:00:00Z"));
        assertThat(index.documents()).isEqualTo(4);
    }
}
