package io.swiftresponse.notification;

import io.swiftresponse.sla.DeadlineOverdue;
import io.swiftresponse.sla.DeadlineWarned;
import io.swiftresponse.sla.SupervisionEscalated;
import io.swiftresponse.workorder.DeadlineClock;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
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
    void on(DeadlineWarned e) {
        String msg = "工单 " + e.number() + " 的" + zh(e.clock()) + "时限将于 " + shown(e) + " 到期 / " + e.clock()
                + " deadline approaching";
        owner(e.clock(), e.leadUnitCode(), e.orderId(), "DEADLINE_WARNING", msg);
    }

    @ApplicationModuleListener
    void on(DeadlineOverdue e) {
        String msg = "工单 " + e.number() + " 的" + zh(e.clock()) + "已超时（时限 " + SHOWN.format(e.dueAt().atZone(clock.getZone()))
                + "），已自动督办 / " + e.clock() + " overdue, under supervision";
        owner(e.clock(), e.leadUnitCode(), e.orderId(), "DEADLINE_OVERDUE", msg);
        if (e.districtCode() != null && e.clock() != DeadlineClock.DISPATCH && e.clock() != DeadlineClock.CALLBACK) {
            inbox.send("UNIT", e.districtCode(), e.orderId(), "DEADLINE_OVERDUE", msg);
        }
    }

    @ApplicationModuleListener
    void on(SupervisionEscalated e) {
        inbox.send("ROLE", "SUPERVISOR", e.orderId(), "SUPERVISION_ESCALATED", "工单 " + e.number() + " 的" + zh(e.clock())
                + "超时未办，督办升级至热线 / " + e.clock() + " still overdue: escalated");
    }

    private void owner(DeadlineClock clock, String leadUnit, long orderId, String kind, String msg) {
        switch (clock) {
            case DISPATCH -> inbox.send("ROLE", "DISPATCHER", orderId, kind, msg);
            case CALLBACK -> inbox.send("ROLE", "AGENT", orderId, kind, msg);
            default -> {
                if (leadUnit != null) inbox.send("UNIT", leadUnit, orderId, kind, msg);
            }
        }
    }

    private String shown(DeadlineWarned e) {
        return SHOWN.format(e.dueAt().atZone(clock.getZone()));
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
