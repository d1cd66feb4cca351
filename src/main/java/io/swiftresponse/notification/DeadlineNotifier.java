package io.swiftresponse.notification;

import io.swiftresponse.sla.DeadlineAlerts;
import io.swiftresponse.workorder.DeadlineClock;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the people concerned about deadlines: the lead unit for its own clocks, the dispatchers for the
 * dispatch clock, the agents for the callback clock, the district for overdue orders of its streets, the
 * hotline supervisors on escalation. Runs after the watch's transaction commits and is retried from the
 * event publication registry if it fails, so no notification is lost.
 */
@Component
class DeadlineNotifier {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final Inbox inbox;
    private final Clock clock;

    DeadlineNotifier(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(DeadlineAlerts batch) {
        List<Inbox.Message> messages = new ArrayList<>();
        for (DeadlineAlerts.Alert a : batch.alerts()) {
            String due = SHOWN.format(a.dueAt().atZone(clock.getZone()));
            switch (batch.kind()) {
                case WARNING -> owner(messages, a, "DEADLINE_WARNING", "工单 " + a.number() + " 的" + zh(a.clock()) + "时限将于 "
                        + due + " 到期 / " + a.clock() + " deadline approaching");
                case OVERDUE -> {
                    String msg = "工单 " + a.number() + " 的" + zh(a.clock()) + "已超时（时限 " + due + "），已自动督办 / "
                            + a.clock() + " overdue, under supervision";
                    owner(messages, a, "DEADLINE_OVERDUE", msg);
                    boolean unitClock = a.clock() != DeadlineClock.DISPATCH && a.clock() != DeadlineClock.CALLBACK;
                    if (a.districtCode() != null && unitClock) {
                        messages.add(new Inbox.Message("UNIT", a.districtCode(), a.orderId(), "DEADLINE_OVERDUE", msg));
                    }
                }
                case ESCALATED -> messages.add(new Inbox.Message("ROLE", "SUPERVISOR", a.orderId(), "SUPERVISION_ESCALATED",
                        "工单 " + a.number() + " 的" + zh(a.clock()) + "超时未办，督办升级至热线 / " + a.clock() + " still overdue: escalated"));
            }
        }
        inbox.send(messages);
    }

    private static void owner(List<Inbox.Message> messages, DeadlineAlerts.Alert a, String kind, String msg) {
        switch (a.clock()) {
            case DISPATCH -> messages.add(new Inbox.Message("ROLE", "DISPATCHER", a.orderId(), kind, msg));
            case CALLBACK -> messages.add(new Inbox.Message("ROLE", "AGENT", a.orderId(), kind, msg));
            default -> {
                if (a.leadUnitCode() != null) messages.add(new Inbox.Message("UNIT", a.leadUnitCode(), a.orderId(), kind, msg));
            }
        }
    }

    private static String zh(DeadlineClock c) {
        return switch (c) {
            case DISPATCH -> "派单";
            case SIGN -> "签收";
            case CONTACT -> "联系诉求人";
            case REPLY -> "办理反馈";
            case CALLBACK -> "回访";
        };
    }
}
