package io.swiftresponse.workorder;

import java.util.Arrays;
import java.util.Optional;

/** Every action on a work order, by the slug used in {@code POST /api/v1/orders/{id}/actions/{slug}}. */
public enum OrderAction {
    ANSWER("answer"),
    TRANSFER_EMERGENCY("transfer-emergency"),
    REFER("refer"),
    MERGE("merge"),
    SUBMIT("submit"),
    DISPATCH("dispatch"),
    SIGN("sign"),
    REQUEST_RETURN("request-return"),
    APPROVE_RETURN("approve-return"),
    REJECT_RETURN("reject-return"),
    CONTACT("contact"),
    REQUEST_EXTENSION("request-extension"),
    APPROVE_EXTENSION("approve-extension"),
    REJECT_EXTENSION("reject-extension"),
    REPLY("reply"),
    APPROVE_REPLY("approve-reply"),
    REJECT_REPLY("reject-reply"),
    RECORD_CALLBACK("record-callback"),
    CLOSE("close"),
    REOPEN("reopen"),
    REHANDLE("rehandle"),
    SUPERVISE("supervise"),
    PAUSE("pause"),
    RESUME("resume");

    private final String slug;

    OrderAction(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Optional<OrderAction> fromSlug(String slug) {
        return Arrays.stream(values()).filter(a -> a.slug.equals(slug)).findFirst();
    }
}
