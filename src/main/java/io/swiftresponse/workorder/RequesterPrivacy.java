package io.swiftresponse.workorder;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.Role;
import java.util.regex.Pattern;

/**
 * What of the requester each viewer sees. Analysts see no personal data at all (and phone numbers typed
 * into free text are masked for them); handling units never see a confidential requester; everyone else
 * sees the name and a masked phone, and entitled roles may reveal the full number, which is audited.
 */
final class RequesterPrivacy {

    private static final Pattern MOBILE_IN_TEXT = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private RequesterPrivacy() {
    }

    static OrderView.RequesterView view(OrderRow o, CurrentUser viewer) {
        boolean hidden = viewer.is(Role.ANALYST) || (viewer.isHandler() && o.requesterConfidential());
        if (hidden) {
            return new OrderView.RequesterView(null, null, o.requesterConfidential(), true);
        }
        return new OrderView.RequesterView(o.requesterName(), mask(o.requesterPhone()), o.requesterConfidential(), false);
    }

    static boolean mayReveal(OrderRow o, CurrentUser viewer) {
        return switch (viewer.role()) {
            case AGENT, DISPATCHER, SUPERVISOR -> true;
            case HANDLER -> !o.requesterConfidential() && viewer.unitCode().equals(o.leadUnitCode());
            default -> false;
        };
    }

    static boolean seesPersonalData(CurrentUser viewer) {
        return !viewer.is(Role.ANALYST);
    }

    static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 8) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    static String maskPhonesInText(String text) {
        return text == null ? null : MOBILE_IN_TEXT.matcher(text).replaceAll("$1****$2");
    }
}
