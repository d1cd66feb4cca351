package io.swiftresponse.intake.web;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.identity.Role;
import io.swiftresponse.intake.learning.Accuracy;
import io.swiftresponse.intake.suggest.CategoryModel;
import io.swiftresponse.intake.suggest.CategoryModels;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The suggestion-accuracy card of the dashboard (issue 5, learning from agents): how often agents kept the suggested
 * category and unit, per week (chart) and per category (table), and which model made the suggestions. An htmx fragment
 * with the same numbers as {@code GET /api/v1/intake/accuracy}; a bad period or a role that may not read it answers with
 * the alert fragment (the card then hides itself on the dashboard).
 */
@Controller
class AccuracyPanelController {

    /** The periods the card offers, in weeks. */
    static final List<Integer> PERIODS = List.of(4, 12, 26, 52);
    /** Categories shown in the table: the most feedback first; the rest are counted in the totals. */
    static final int CATEGORY_ROWS = 15;

    private final Accuracy accuracy;
    private final CategoryModels models;
    private final CurrentUsers users;

    AccuracyPanelController(Accuracy accuracy, CategoryModels models, CurrentUsers users) {
        this.accuracy = accuracy;
        this.models = models;
        this.users = users;
    }

    /** A row as the card shows it: rates as percentages with one decimal, empty when there was no feedback. */
    record Line(String key, String name, long total, long accepted, String rate, long unitTotal, String unitRate) {
        static Line of(Accuracy.Row r) {
            return new Line(r.key(), r.name(), r.total(), r.accepted(), percent(r.rate()), r.unitTotal(), percent(r.unitRate()));
        }

        private static String percent(Double fraction) {
            return fraction == null ? "" : String.format(Locale.ROOT, "%.1f", fraction * 100);
        }
    }

    /** Who reads the suggestion accuracy (the card and {@code GET /api/v1/intake/accuracy}): the roles that oversee. */
    static boolean mayRead(CurrentUser user) {
        return user.is(Role.SUPERVISOR) || user.is(Role.ADMIN) || user.is(Role.ANALYST);
    }

    @GetMapping("/intake/accuracy/panel")
    String panel(@RequestParam(required = false) String weeks, Model model, HttpServletResponse response) {
        if (!mayRead(users.current())) {
            return alert(model, response, HttpServletResponse.SC_FORBIDDEN, null);
        }
        int n;
        try {
            n = weeks == null || weeks.isBlank() ? 12 : Integer.parseInt(weeks.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (!PERIODS.contains(n)) {
            return alert(model, response, HttpServletResponse.SC_BAD_REQUEST, "weeks: one of " + PERIODS);
        }
        Accuracy.Report report = accuracy.report(n);
        CategoryModel current = models.current();
        model.addAttribute("weeks", n);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("from", report.from().toString());
        model.addAttribute("overall", Line.of(report.overall()));
        List<Line> byWeek = report.weeks().stream().map(Line::of).toList();
        model.addAttribute("weekKeys", String.join("|", byWeek.stream().map(Line::key).toList()));
        model.addAttribute("weekRates", String.join("|", byWeek.stream().map(Line::rate).toList()));
        model.addAttribute("weekUnitRates", String.join("|", byWeek.stream().map(Line::unitRate).toList()));
        model.addAttribute("weekTotals", String.join("|", byWeek.stream().map(l -> Long.toString(l.total())).toList()));
        model.addAttribute("categories", report.categories().stream().limit(CATEGORY_ROWS).map(Line::of).toList());
        model.addAttribute("moreCategories", Math.max(0, report.categories().size() - CATEGORY_ROWS));
        model.addAttribute("modelVersion", current.version());
        model.addAttribute("modelReady", current.model() != null);
        model.addAttribute("modelRows", current.model() == null ? 0 : current.model().info().trainingRows());
        // known for a model trained by this process; a model loaded from its file records only its row count
        model.addAttribute("modelSources", current.sources());
        return "intake/accuracy-panel :: panel";
    }

    private static String alert(Model model, HttpServletResponse response, int code, String detail) {
        response.setStatus(code);
        model.addAttribute("code", code);
        model.addAttribute("detail", detail);
        return "error :: alert";
    }
}
