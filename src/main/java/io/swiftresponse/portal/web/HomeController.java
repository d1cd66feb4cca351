package io.swiftresponse.portal.web;

import io.swiftresponse.identity.CurrentUsers;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door: the login page, and "/" which sends a signed-in user to the screen of their role. */
@Controller
class HomeController {

    private final CurrentUsers users;

    HomeController(CurrentUsers users) {
        this.users = users;
    }

    @GetMapping("/")
    String home() {
        return users.find().map(u -> "redirect:" + NavigationAdvice.Navigation.home(u.role())).orElse("home");
    }

    @GetMapping("/login")
    String login() {
        return users.find().isPresent() ? "redirect:/" : "login";
    }
}
