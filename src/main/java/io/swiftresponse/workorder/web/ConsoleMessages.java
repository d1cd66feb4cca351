package io.swiftresponse.workorder.web;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.workorder.OrderAction;
import io.swiftresponse.workorder.OrderView;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The console's inline answers in the user's language. The facade's problems are written for API clients (English,
 * with field names); here each kind a dispatcher can meet gets a sentence of its own, ending with "nothing changed".
 */
@Component
class ConsoleMessages {

    private final MessageSource messages;
    private final Directory directory;

    ConsoleMessages(MessageSource messages, Directory directory) {
        this.messages = messages;
        this.directory = directory;
    }

    String done(OrderAction action, OrderView o) {
        String lead = name(o.leadUnitCode());
        StringBuilder s = new StringBuilder();
        switch (action) {
            case DISPATCH -> {
                s.append(msg("console.done.dispatch", o.number(), lead));
                if (!o.coUnitCodes().isEmpty()) {
                    s.append(' ').append(msg("console.done.co", String.join("、", o.coUnitCodes().stream().map(this::name).toList())));
                }
                if (o.copyUnitCode() != null) s.append(' ').append(msg("console.done.copy", name(o.copyUnitCode())));
            }
            case APPROVE_RETURN -> s.append(o.leadUnitCode() == null ? msg("console.done.approve", o.number())
                    : msg("console.done.approveRedispatch", o.number(), lead));
            default -> s.append(msg("console.done.reject", o.number(), lead));
        }
        return s.toString();
    }

    String refused(Problem p) {
        String field = String.valueOf(p.properties().get("field"));
        String detail = p.getMessage() == null ? "" : p.getMessage();
        return switch (p.type()) {
            case "stale-version" -> msg("console.error.stale");
            case "invalid-transition" -> msg("console.error.changed",
                    msg("state." + p.properties().get("state")));
            case "forbidden" -> msg("console.error.forbidden");
            case "invalid-field" -> {
                if (field.equals("reason")) yield msg("console.error.reason");
                if (field.equals("categoryCode")) yield msg("console.error.category");
                if (field.startsWith("coUnitCodes")) yield msg("console.error.co");
                if (field.equals("leadUnitCode") && detail.contains("another unit")) yield msg("console.error.sameUnit");
                if (field.equals("leadUnitCode")) yield msg("console.error.lead");
                yield msg("console.error.invalid", field);
            }
            default -> msg("console.error.other", detail);
        };
    }

    String invalid(BindingResult errors) {
        FieldError fe = errors.getFieldError();
        String field = fe == null ? "?" : fe.getField();
        String label = messages.getMessage("console.field." + field, null, field, locale());
        return msg("console.error.invalid", label);
    }

    private String name(String code) {
        return code == null ? "—" : directory.find(code).map(ConsoleRows::label).orElse(code);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
