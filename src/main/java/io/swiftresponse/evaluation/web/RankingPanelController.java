package io.swiftresponse.evaluation.web;

import io.swiftresponse.evaluation.Period;
import io.swiftresponse.evaluation.RankingEntry;
import io.swiftresponse.evaluation.Rankings;
import io.swiftresponse.evaluation.UnitClass;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.shared.web.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rankings card of the supervisor dashboard: an htmx fragment with a month and class picker, the ranking table
 * and an ECharts bar chart of the composite. Rows are those the viewer may see, exactly as the rankings API answers.
 * A bad month or class answers 400 with the alert fragment, so the card says what is wrong instead of vanishing.
 */
@Controller
class RankingPanelController {

    private final Rankings rankings;
    private final CurrentUsers users;
    private final Clock clock;

    RankingPanelController(Rankings rankings, CurrentUsers users, Clock clock) {
        this.rankings = rankings;
        this.users = users;
        this.clock = clock;
    }

    /** One table row, formatted for display: rates and composite as percentages with one or two decimals. */
    record Row(int rank, String unitCode, String unitName, long valid, String responseRate, String resolutionRate,
            String satisfactionRate, String composite, String grade, Integer rankChange, boolean corrected) {

        static Row of(RankingEntry e) {
            return new Row(e.rank(), e.unitCode(), e.unitName(), e.valid(), percent(e.responseRate(), 1),
                    percent(e.resolutionRate(), 1), percent(e.satisfactionRate(), 1), percent(e.composite(), 2), e.grade(),
                    e.rankChange(), e.current() != null);
        }

        private static String percent(BigDecimal fraction, int decimals) {
            return fraction == null ? "" : fraction.movePointRight(2).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        }
    }

    @GetMapping("/evaluation/rankings/panel")
    String panel(@RequestParam(required = false) String month, @RequestParam(name = "class", required = false) String cls,
            Model model, HttpServletResponse response) {
        YearMonth m;
        UnitClass c;
        try {
            m = month == null || month.isBlank() ? rankings.latestMonth().orElse(YearMonth.now(clock)) : Period.month(month);
            c = cls == null || cls.isBlank() ? UnitClass.DISTRICT : UnitClass.parse(cls);
        } catch (Problem p) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("code", 400);
            model.addAttribute("detail", p.getMessage().replaceFirst("^period:", "month:"));
            return "error :: alert";
        }
        List<Row> rows = rankings.view(Period.of(m), c, users.current()).stream().map(Row::of).toList();
        model.addAttribute("month", m.toString());
        model.addAttribute("unitClass", c.name());
        model.addAttribute("classes", UnitClass.values());
        model.addAttribute("rows", rows);
        model.addAttribute("query", "period=" + m + "&class=" + c.name());
        return "evaluation/rankings-panel :: panel";
    }
}
