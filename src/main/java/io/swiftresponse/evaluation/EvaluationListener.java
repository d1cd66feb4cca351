package io.swiftresponse.evaluation;

import io.swiftresponse.workorder.CallbackRecorded;
import io.swiftresponse.workorder.WorkOrderReopened;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Work-order events in, counters out. Listeners run after the order's transaction committed, each in its own
 * transaction, retried from the publication registry if they fail. WorkOrderRecorded is not needed: an order
 * enters evaluation only with its first reached callback.
 */
@Component
class EvaluationListener {

    private final Scoring scoring;

    EvaluationListener(Scoring scoring) {
        this.scoring = scoring;
    }

    @ApplicationModuleListener
    void on(CallbackRecorded e) {
        scoring.callbackRecorded(e);
    }

    @ApplicationModuleListener
    void on(WorkOrderReopened e) {
        scoring.reopened(e.orderId());
    }
}
