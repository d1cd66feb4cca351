package io.swiftresponse.open311;

import io.swiftresponse.workorder.WorkOrderState;
import java.util.Map;
import static java.util.Map.entry;

/**
 * Our lifecycle in Open311 terms. GeoReport v2 knows only {@code open} and {@code closed}: an order is closed once
 * it reached a terminal state (closed, answered, transferred, referred, merged). The FixMyStreet extended status
 * says more; a reopened order ({@code reopen}) is open again. docs/open311.md has both tables.
 */
public final class StatusMapping {

    private static final Map<WorkOrderState, String> EXTENDED = Map.ofEntries(
            entry(WorkOrderState.RECEIVED, "open"),
            entry(WorkOrderState.AWAITING_DISPATCH, "open"),
            entry(WorkOrderState.DISPATCHED, "investigating"),
            entry(WorkOrderState.RETURN_REQUESTED, "internal_referral"),
            entry(WorkOrderState.SIGNED, "action_scheduled"),
            entry(WorkOrderState.IN_PROGRESS, "in_progress"),
            entry(WorkOrderState.REPLIED, "in_progress"),
            entry(WorkOrderState.AWAITING_CALLBACK, "fixed"),
            entry(WorkOrderState.CLOSED, "fixed"),
            entry(WorkOrderState.REOPENED, "reopen"),
            entry(WorkOrderState.ANSWERED, "no_further_action"),
            entry(WorkOrderState.TRANSFERRED_EMERGENCY, "not_councils_responsibility"),
            entry(WorkOrderState.REFERRED, "not_councils_responsibility"),
            entry(WorkOrderState.MERGED, "duplicate"));

    private StatusMapping() {
    }

    public static String basic(WorkOrderState state) {
        return state.terminal() ? "closed" : "open";
    }

    public static String extended(WorkOrderState state) {
        return EXTENDED.getOrDefault(state, basic(state));
    }

    /** The words FixMyStreet may post as a status (upper case), lower-cased; anything else is refused. */
    public static boolean acceptedFromClient(String status) {
        return status.equals("open") || status.equals("closed") || EXTENDED.containsValue(status)
                || status.equals("planned") || status.equals("for_triage");
    }

    /** What the public may read about each action of the history; actions not listed are not shown. */
    public static String publicNote(String action) {
        return switch (action) {
            case "record" -> "已受理 Request received";
            case "submit" -> "待派单 Awaiting dispatch";
            case "dispatch" -> "已派单至承办单位 Dispatched to the handling unit";
            case "sign" -> "承办单位已签收 Accepted by the handling unit";
            case "request-return" -> "承办单位申请退单，热线复核中 The unit disputes responsibility; under review";
            case "approve-return" -> "改派其他承办单位 Being reassigned to another unit";
            case "reject-return" -> "退单未获批准，原承办单位继续办理 The unit keeps the request";
            case "contact" -> "承办单位已联系诉求人 The unit contacted the requester";
            case "approve-extension" -> "办理期限已延长 Handling time extended";
            case "reply" -> "承办单位已答复 The unit replied";
            case "approve-reply" -> "答复已审核 Reply reviewed";
            case "reject-reply" -> "答复退回重办 Reply sent back for more work";
            case "close" -> "已办结 Closed";
            case "reopen" -> "重新办理 Reopened";
            case "answer" -> "已直接答复 Answered";
            case "transfer-emergency" -> "已转紧急服务 Transferred to emergency services";
            case "refer" -> "已告知法定途径 Referred to the competent authority";
            case "merge" -> "已与相同诉求合并 Merged with a duplicate";
            case "supervise" -> "已督办 Under supervision";
            default -> null;
        };
    }
}
