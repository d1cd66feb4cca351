package io.swiftresponse.open311;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.workorder.WorkOrderState;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping documented in docs/open311.md, written out by hand so a change to either side fails here. */
class StatusMappingTests {

    static final String TABLE = """
            RECEIVED              open    open
            AWAITING_DISPATCH     open    open
            DISPATCHED            open    investigating
            RETURN_REQUESTED      open    internal_referral
            SIGNED                open    action_scheduled
            IN_PROGRESS           open    in_progress
            REPLIED               open    in_progress
            AWAITING_CALLBACK     open    fixed
            CLOSED                closed  fixed
            REOPENED              open    reopen
            ANSWERED              closed  no_further_action
            TRANSFERRED_EMERGENCY closed  not_councils_responsibility
            REFERRED              closed  not_councils_responsibility
            MERGED                closed  duplicate
            """;

    @Test
    void everyStateHasTheDocumentedBasicAndExtendedStatus() {
        Map<WorkOrderState, String[]> expected = new EnumMap<>(WorkOrderState.class);
        TABLE.lines().map(String::trim).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+"))
                .forEach(cols -> expected.put(WorkOrderState.valueOf(cols[0]), cols));
        assertThat(expected.keySet()).containsExactlyInAnyOrder(WorkOrderState.values());
        expected.forEach((state, cols) -> {
            assertThat(StatusMapping.basic(state)).as(state + " basic").isEqualTo(cols[1]);
            assertThat(StatusMapping.extended(state)).as(state + " extended").isEqualTo(cols[2]);
        });
    }

    @Test
    void clientsMayPostTheFixMyStreetStatusesOnly() {
        assertThat(StatusMapping.acceptedFromClient("fixed")).isTrue();
        assertThat(StatusMapping.acceptedFromClient("reopen")).isTrue();
        assertThat(StatusMapping.acceptedFromClient("closed")).isTrue();
        assertThat(StatusMapping.acceptedFromClient("deleted")).isFalse();
    }

    @Test
    void internalStepsStayOutOfThePublicHistory() {
        assertThat(StatusMapping.publicNote("dispatch")).startsWith("已派单");
        assertThat(StatusMapping.publicNote("record-callback")).isNull();
        assertThat(StatusMapping.publicNote("pause")).isNull();
        assertThat(StatusMapping.publicNote("request-extension")).isNull();
    }
}
