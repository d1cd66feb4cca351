package io.swiftresponse.evaluation;

import static io.swiftresponse.evaluation.Handled.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard's rankings card: an htmx fragment served by the evaluation module. Uses street 110114001 only. */
@IntegrationTest
class RankingPanelIntegrationTests {

    static final String STREET = "110114001";

    @LocalServerPort
    int port;

    Api api;
    Handled handled;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        handled = new Handled(api);
    }

    private Api.Response panel(String user, String query) {
        return api.send(user, "GET", "/evaluation/rankings/panel" + query, null, null);
    }

    @Test
    void aMonthWithDataShowsTheRankedUnitsTheChartAndTheExportLinks() {
        long id = handled.awaitingCallback(STREET, List.of());
        handled.callback(id, true, "YES", "SATISFIED");
        await("the street is counted", () -> handled.counted(STREET, "asLeadUnit") >= 1);

        String month = Handled.thisMonth();
        Api.Response r = panel("supervisor1", "?class=STREET&month=" + month);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.body()).contains("data-unit=\"" + STREET + "\"").contains("<th scope=\"col\">名次</th>")
                .contains("id=\"chart-ranking\"").contains("/api/v1/evaluation/rankings.csv?period=" + month + "&amp;class=STREET")
                .contains("/api/v1/evaluation/rankings.xlsx?period=" + month + "&amp;class=STREET")
                .contains("<option value=\"STREET\" selected=\"selected\">");
        // one valid callback, contacted, solved and satisfied: every rate 100 %
        assertThat(r.body()).contains("<td>100.0</td>");

        // without parameters: the districts of the latest month with data, which is this month
        Api.Response defaults = panel("supervisor1", "");
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.body()).contains("value=\"" + month + "\"").contains("<option value=\"DISTRICT\" selected=\"selected\">")
                .contains("data-unit=\"110114\"");

        // English via the shared bundles
        assertThat(panel("supervisor1", "?class=STREET&lang=en&month=" + month).body()).contains("<th scope=\"col\">Rank</th>");
    }

    @Test
    void theViewersScopeIsRespectedLikeTheRankingsApi() {
        long id = handled.awaitingCallback(STREET, List.of());
        handled.callback(id, true, "YES", "SATISFIED");
        await("the street is counted", () -> handled.counted(STREET, "asLeadUnit") >= 1);
        String q = "?class=STREET&month=" + Handled.thisMonth();
        assertThat(panel("handler-" + STREET, q).body()).contains("data-unit=\"" + STREET + "\"");
        assertThat(panel("handler-110101001", q).body()).doesNotContain("data-unit=\"" + STREET + "\"");
    }

    @Test
    void anEmptyMonthSaysSoAndABadMonthIsA400() {
        Api.Response empty = panel("supervisor1", "?month=2001-01&class=COMPANY");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("2001-01 暂无考评数据").doesNotContain("<table");

        Api.Response bad = panel("supervisor1", "?month=2026-13");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("role=\"alert\"").contains("month:");
        assertThat(panel("supervisor1", "?class=PLANET").status()).isEqualTo(400);
    }
}
