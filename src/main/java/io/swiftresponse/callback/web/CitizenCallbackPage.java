package io.swiftresponse.callback.web;

import io.swiftresponse.callback.CallbackLinks;
import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.taxonomy.Category;
import io.swiftresponse.taxonomy.Taxonomy;
import io.swiftresponse.workorder.ActionInput;
import io.swiftresponse.workorder.CallbackQueries;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The requester's own answer page, reached by a signed link without login: zh-CN first, English with
 * {@code ?lang=en}; the form carries the CSRF token (the portal keeps CSRF on). It shows the order number and a
 * public summary, never personal data. Every outcome is a page with a fitting status: 410 expired, 404 not a
 * valid link, 409 used or no longer awaiting an answer, 400 incomplete answers; never a stack trace.
 */
@Controller
@RequestMapping("/portal/callback")
class CitizenCallbackPage {

    private static final Map<String, Map<String, String>> TEXTS = new ConcurrentHashMap<>();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CallbackLinks links;
    private final Taxonomy taxonomy;
    private final Directory directory;
    private final Clock clock;

    CitizenCallbackPage(CallbackLinks links, Taxonomy taxonomy, Directory directory, Clock clock) {
        this.links = links;
        this.taxonomy = taxonomy;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/{token}")
    String show(@PathVariable String token, @RequestParam(required = false) String lang, Model model, HttpServletResponse response) {
        CallbackLinks.Link link = links.open(token);
        return link.state() == CallbackLinks.State.OPEN
                ? form(token, lang, link.order(), Map.of(), null, model)
                : notice(link.state(), link.order(), null, lang, model, response);
    }

    @PostMapping("/{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) String lang,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Boolean contacted = form.get("contacted") == null ? null : switch (form.get("contacted")) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
        ActionInput.Solved solved = parse(ActionInput.Solved.class, form.get("solved"));
        ActionInput.Satisfaction satisfaction = parse(ActionInput.Satisfaction.class, form.get("satisfaction"));
        String comment = form.get("comment");
        CallbackLinks.Link link = links.open(token);
        if (link.state() != CallbackLinks.State.OPEN) return notice(link.state(), link.order(), null, lang, model, response);
        String error = contacted == null || solved == null || satisfaction == null ? "required"
                : comment != null && comment.length() > 2000 ? "comment.too.long" : null;
        if (error != null) {
            response.setStatus(400);
            return form(token, lang, link.order(), form, texts(lang).get(error), model);
        }
        CallbackLinks.Link after;
        try {
            after = links.answer(token, contacted, solved, satisfaction, comment);
        } catch (Problem p) {
            // the order moved on between the page and the answer (a race with an agent): nothing was recorded
            after = new CallbackLinks.Link(CallbackLinks.State.CLOSED, link.order(), link.expiresAt());
        }
        boolean answered = after.state() == CallbackLinks.State.ANSWERED;
        return notice(after.state(), after.order(), answered && comment != null && !comment.isBlank() ? comment.strip() : null,
                lang, model, response);
    }

    private String form(String token, String lang, CallbackQueries.PublicSummary order, Map<String, String> given, String error,
            Model model) {
        common(lang, model);
        model.addAttribute("token", token);
        model.addAttribute("order", order);
        model.addAttribute("recorded", DAY.format(order.recordedAt().atZone(clock.getZone())));
        model.addAttribute("category", order.categoryCode() == null ? null
                : taxonomy.category(order.categoryCode()).map(Category::name).orElse(null));
        model.addAttribute("unit", order.leadUnitCode() == null ? null : directory.find(order.leadUnitCode()).map(Unit::name).orElse(null));
        model.addAttribute("solvedValues", Arrays.stream(ActionInput.Solved.values()).map(Enum::name).toList());
        model.addAttribute("satisfactionValues", Arrays.stream(ActionInput.Satisfaction.values()).map(Enum::name).toList());
        model.addAttribute("contacted", given.get("contacted"));
        model.addAttribute("solved", given.get("solved"));
        model.addAttribute("satisfaction", given.get("satisfaction"));
        model.addAttribute("comment", given.get("comment"));
        model.addAttribute("error", error);
        return "callback/answer";
    }

    private String notice(CallbackLinks.State state, CallbackQueries.PublicSummary order, String comment, String lang, Model model,
            HttpServletResponse response) {
        response.setStatus(switch (state) {
            case EXPIRED -> 410;
            case INVALID -> 404;
            case USED, CLOSED -> 409;
            case OPEN, ANSWERED -> 200;
        });
        common(lang, model);
        model.addAttribute("state", state.name().toLowerCase(Locale.ROOT));
        model.addAttribute("order", order);
        model.addAttribute("comment", comment);
        return "callback/notice";
    }

    private static void common(String lang, Model model) {
        String l = "en".equals(lang) ? "en" : "zh";
        model.addAttribute("lang", l);
        model.addAttribute("t", texts(l));
    }

    /** The page's own bundle (i18n/callback*.properties), so the portal's shared message bundle stays untouched. */
    static Map<String, String> texts(String lang) {
        return TEXTS.computeIfAbsent("en".equals(lang) ? "en" : "zh", l -> {
            ResourceBundle b = ResourceBundle.getBundle("i18n/callback", "en".equals(l) ? Locale.ENGLISH : Locale.ROOT,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Map<String, String> m = new HashMap<>();
            b.keySet().forEach(k -> m.put(k, b.getString(k)));
            return Map.copyOf(m);
        });
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) return null;
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(null);
    }
}
