package io.swiftresponse.portal.web;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.CurrentUsers;
import io.swiftresponse.identity.Role;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user and the navigation of their role into every page's model. */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    private final CurrentUsers users;
    private final TimeFormat fmt;

    NavigationAdvice(CurrentUsers users, TimeFormat fmt) {
        this.users = users;
        this.fmt = fmt;
    }

    @ModelAttribute("fmt")
    TimeFormat fmt() {
        return fmt;
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return users.find().orElse(null);
    }

    /** The path of the page, to mark the current navigation item and to switch language in place. */
    @ModelAttribute("path")
    String path(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("nav")
    List<NavItem> nav() {
        return users.find().map(u -> Navigation.forRole(u.role())).orElse(List.of());
    }

    /** One link of the top navigation: its address and the message key of its label. */
    record NavItem(String href, String label) {
    }

    static final class Navigation {
        private Navigation() {
        }

        static List<NavItem> forRole(Role role) {
            NavItem workbench = new NavItem("/workbench", "nav.workbench");
            NavItem dispatch = new NavItem("/dispatch", "nav.dispatch");
            NavItem inbox = new NavItem("/inbox", "nav.inbox");
            NavItem dashboard = new NavItem("/dashboard", "nav.dashboard");
            return switch (role) {
                case AGENT -> List.of(workbench);
                case DISPATCHER -> List.of(dispatch, workbench);
                case SUPERVISOR -> List.of(dashboard, dispatch, workbench);
                case ANALYST, ADMIN -> List.of(dashboard);
                case HANDLER -> List.of(inbox);
            };
        }

        /** Where a role starts after login. */
        static String home(Role role) {
            return forRole(role).get(0).href();
        }
    }
}
