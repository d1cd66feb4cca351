package io.swiftresponse.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.identity.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state, action) pair, allowed and refused, against an expected table written out here by hand
 * from the domain guide rather than derived from {@link Lifecycle}: a change to the state machine must
 * change this table too.
 */
class LifecycleTests {

    /** action → "FROM>TO" for each allowed start state ("=" keeps the state). */
    private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            Map.entry("answer", List.of("RECEIVED>ANSWERED")),
            Map.entry("transfer-emergency", List.of("RECEIVED>TRANSFERRED_EMERGENCY")),
            Map.entry("refer", List.of("RECEIVED>REFERRED")),
            Map.entry("merge", List.of("RECEIVED>MERGED", "AWAITING_DISPATCH>MERGED")),
            Map.entry("submit", List.of("RECEIVED>AWAITING_DISPATCH")),
            Map.entry("dispatch", List.of("RECEIVED>DISPATCHED", "AWAITING_DISPATCH>DISPATCHED", "REOPENED>DISPATCHED")),
            Map.entry("sign", List.of("DISPATCHED>SIGNED")),
            Map.entry("request-return", List.of("DISPATCHED>RETURN_REQUESTED")),
            Map.entry("approve-return", List.of("RETURN_REQUESTED>AWAITING_DISPATCH")),
            Map.entry("reject-return", List.of("RETURN_REQUESTED>SIGNED")),
            Map.entry("contact", List.of("SIGNED>IN_PROGRESS")),
            Map.entry("request-extension", List.of("IN_PROGRESS>=")),
            Map.entry("approve-extension", List.of("IN_PROGRESS>=")),
            Map.entry("reject-extension", List.of("IN_PROGRESS>=")),
            Map.entry("reply", List.of("IN_PROGRESS>REPLIED")),
            Map.entry("approve-reply", List.of("REPLIED>AWAITING_CALLBACK")),
            Map.entry("reject-reply", List.of("REPLIED>IN_PROGRESS")),
            Map.entry("record-callback", List.of("AWAITING_CALLBACK>=")),
            Map.entry("close", List.of("AWAITING_CALLBACK>CLOSED")),
            Map.entry("reopen", List.of("AWAITING_CALLBACK>REOPENED", "CLOSED>REOPENED")),
            // re-handling (重办) goes back to the same lead unit directly, not to the dispatch queue
            Map.entry("rehandle", List.of("AWAITING_CALLBACK>DISPATCHED")),
            Map.entry("supervise", List.of("AWAITING_DISPATCH>=", "DISPATCHED>=", "RETURN_REQUESTED>=", "SIGNED>=",
                    "IN_PROGRESS>=", "REPLIED>=", "REOPENED>=")),
            Map.entry("pause", List.of("SIGNED>=", "IN_PROGRESS>=")),
            Map.entry("resume", List.of("SIGNED>=", "IN_PROGRESS>=")));

    /** action → roles allowed. */
    private static final Map<String, String> ROLES = Map.ofEntries(
            Map.entry("answer", "AGENT SUPERVISOR"), Map.entry("transfer-emergency", "AGENT SUPERVISOR"),
            Map.entry("refer", "AGENT SUPERVISOR"), Map.entry("merge", "AGENT DISPATCHER SUPERVISOR"),
            Map.entry("submit", "AGENT SUPERVISOR"), Map.entry("dispatch", "DISPATCHER SUPERVISOR"),
            Map.entry("sign", "HANDLER"), Map.entry("request-return", "HANDLER"),
            Map.entry("approve-return", "DISPATCHER SUPERVISOR"), Map.entry("reject-return", "DISPATCHER SUPERVISOR"),
            Map.entry("contact", "HANDLER"), Map.entry("request-extension", "HANDLER"),
            Map.entry("approve-extension", "DISPATCHER SUPERVISOR"), Map.entry("reject-extension", "DISPATCHER SUPERVISOR"),
            Map.entry("reply", "HANDLER"), Map.entry("approve-reply", "DISPATCHER SUPERVISOR"),
            Map.entry("reject-reply", "DISPATCHER SUPERVISOR"), Map.entry("record-callback", "AGENT DISPATCHER SUPERVISOR"),
            Map.entry("close", "AGENT DISPATCHER SUPERVISOR"), Map.entry("reopen", "AGENT DISPATCHER SUPERVISOR"),
            Map.entry("rehandle", "AGENT DISPATCHER SUPERVISOR"),
            Map.entry("supervise", "SUPERVISOR"),
            Map.entry("pause", "HANDLER DISPATCHER SUPERVISOR"), Map.entry("resume", "HANDLER DISPATCHER SUPERVISOR"));

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> all = new ArrayList<>();
        for (WorkOrderState s : WorkOrderState.values()) {
            for (OrderAction a : OrderAction.values()) {
                all.add(Arguments.of(s, a));
            }
        }
        return all.stream();
    }

    static Stream<Arguments> everyRoleAndAction() {
        List<Arguments> all = new ArrayList<>();
        for (Role r : Role.values()) {
            for (OrderAction a : OrderAction.values()) {
                all.add(Arguments.of(r, a));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStateAndAction")
    void allowsExactlyTheExpectedTransitions(WorkOrderState state, OrderAction action) {
        String expected = EXPECTED.get(action.slug()).stream()
                .filter(t -> t.startsWith(state.name() + ">"))
                .findFirst()
                .orElse(null);
        assertThat(Lifecycle.allows(state, action)).as("%s from %s", action.slug(), state).isEqualTo(expected != null);
        if (expected != null) {
            String to = expected.substring(expected.indexOf('>') + 1);
            WorkOrderState target = to.equals("=") ? state : WorkOrderState.valueOf(to);
            assertThat(Lifecycle.target(state, action)).isEqualTo(target);
        }
    }

    @ParameterizedTest(name = "{1} by {0}")
    @MethodSource("everyRoleAndAction")
    void permitsExactlyTheExpectedRoles(Role role, OrderAction action) {
        boolean expected = List.of(ROLES.get(action.slug()).split(" ")).contains(role.name());
        assertThat(Lifecycle.permits(role, action)).as("%s by %s", action.slug(), role).isEqualTo(expected);
    }

    @ParameterizedTest(name = "terminal {0}")
    @MethodSource("everyStateAndAction")
    void terminalStatesOnlyAllowReopeningAClosedOrder(WorkOrderState state, OrderAction action) {
        if (state.terminal() && Lifecycle.allows(state, action)) {
            assertThat(state).isEqualTo(WorkOrderState.CLOSED);
            assertThat(action).isEqualTo(OrderAction.REOPEN);
        }
    }

    @ParameterizedTest(name = "handler-only {1}")
    @MethodSource("everyRoleAndAction")
    void unitActionsAreLeadUnitOnly(Role role, OrderAction action) {
        Lifecycle.Rule rule = Lifecycle.rule(action);
        assertThat(rule.leadUnitOnly()).isEqualTo(rule.roles().contains(Role.HANDLER));
    }
}
