package io.swiftresponse.portal.web;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.identity.Role;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.taxonomy.Taxonomy;
import io.swiftresponse.workorder.OrderStatistics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The supervisor dashboard: the page, and its figures as JSON for the ECharts charts. The street map is
 * drawn from the city's own boundaries ({@code /portal/map/streets.geojson}); the rankings panel is a hook
 * filled by the evaluation module's fragment when it is installed.
 */
@Controller
class DashboardController {

    static final int TREND_DAYS = 30;

    private final OrderStatistics statistics;
    private final Taxonomy taxonomy;
    private final CurrentUsers users;

    DashboardController(OrderStatistics statistics, Taxonomy taxonomy, CurrentUsers users) {
        this.statistics = statistics;
        this.taxonomy = taxonomy;
        this.users = users;
    }

    @GetMapping("/dashboard")
    String page(org.springframework.ui.Model model) {
        requireReader();
        model.addAttribute("overview", statistics.overview(TREND_DAYS));
        return "dashboard";
    }

    @GetMapping("/dashboard/data")
    @ResponseBody
    Map<String, Object> data() {
        requireReader();
        OrderStatistics.Overview o = statistics.overview(TREND_DAYS);
        Map<String, String> categoryNames = new LinkedHashMap<>();
        o.byCategoryLevel1().keySet().forEach(code -> categoryNames.put(code, taxonomy.category(code).map(c -> c.name()).orElse(code)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("overview", o);
        out.put("categoryNames", categoryNames);
        return out;
    }

    private void requireReader() {
        CurrentUser me = users.current();
        if (!(me.is(Role.SUPERVISOR) || me.is(Role.ANALYST) || me.is(Role.ADMIN) || me.is(Role.DISPATCHER))) {
            throw Problem.forbidden("The dashboard is for supervisors, dispatchers, analysts and admins.");
        }
    }
}
