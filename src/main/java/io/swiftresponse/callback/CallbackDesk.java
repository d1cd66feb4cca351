package io.swiftresponse.callback;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.Role;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.workorder.ActionInput;
import io.swiftresponse.workorder.CallbackPolicy;
import io.swiftresponse.workorder.CallbackQueries;
import io.swiftresponse.workorder.HistoryEntry;
import io.swiftresponse.workorder.OrderAction;
import io.swiftresponse.workorder.OrderQueries;
import io.swiftresponse.workorder.OrderView;
import io.swiftresponse.workorder.WorkOrders;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hotline's callback desk: the queue, and recording what the requester said. Recording is workorder's
 * {@code record-callback} action, so both endpoints behave the same; the re-handling policy's follow-up happens
 * inside that action's transaction and is reported back here.
 */
@Service
public class CallbackDesk {

    /** The hotline roles that run callbacks (the same roles the lifecycle lets record one). */
    public static final Set<Role> HOTLINE = Set.of(Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR);

    private final WorkOrders workOrders;
    private final OrderQueries orders;
    private final CallbackQueries callbacks;

    CallbackDesk(WorkOrders workOrders, OrderQueries orders, CallbackQueries callbacks) {
        this.workOrders = workOrders;
        this.orders = orders;
        this.callbacks = callbacks;
    }

    public CallbackQueries.Page queue(CallbackQueries.Filter filter, int page, int size, CurrentUser viewer) {
        requireHotline(viewer, "see the callback queue");
        return callbacks.queue(filter, page, size, viewer);
    }

    @Transactional
    public Recorded record(long orderId, ActionInput answers, CurrentUser actor) {
        OrderView view = workOrders.act(orderId, OrderAction.RECORD_CALLBACK, answers, actor);
        List<HistoryEntry> history = orders.history(orderId, actor);
        HistoryEntry last = history.get(history.size() - 1);
        FollowUp followUp = null;
        boolean byPolicy = last.actor().equals(CallbackPolicy.ACTOR) && !last.action().equals(OrderAction.RECORD_CALLBACK.slug());
        if (byPolicy && !last.action().equals("callback-unreachable")) {
            followUp = new FollowUp(last.action(), last.toState().name(), last.reason());
        }
        int round = answers.reached() && followUp != null && followUp.action().equals(OrderAction.REHANDLE.slug())
                ? view.reopenCount() - 1 : view.reopenCount();
        return new Recorded(orderId, view.number(), view.state().name(), view.reopenCount(), callbacks.round(orderId, round),
                followUp);
    }

    static void requireHotline(CurrentUser user, String what) {
        if (!HOTLINE.contains(user.role())) {
            throw Problem.forbidden("Only agents, dispatchers and supervisors " + what + ".");
        }
    }

    /**
     * The order after the callback: its state and re-handle count, the facts of the round the callback belonged
     * to (attempts, reached, unreachable), and what the policy did, if anything.
     */
    public record Recorded(long orderId, String number, String state, int rehandles, CallbackQueries.Round round,
            FollowUp followUp) {
    }

    /** {@code action} rehandle or close, taken by the re-handling policy, with its explanation. */
    public record FollowUp(String action, String state, String explanation) {
    }
}
