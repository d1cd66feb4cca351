package io.swiftresponse.workorder;

import java.time.Instant;

/**
 * What happens after a callback (回访): how many failed attempts make a requester unreachable, and whether a
 * reached but unhappy result re-handles the order (重办) by the same unit or closes it. Implemented by the
 * callback module from versioned policy data; declared here so that the decision is applied inside the
 * transaction of the callback itself, whichever endpoint recorded it, and nothing is ever half-done.
 */
public interface CallbackPolicy {

    /** The actor under which the policy's follow-ups (and the unreachable mark) appear in an order's history. */
    String ACTOR = "callback-policy";

    /** After this many failed attempts in one handling round the requester counts as unreachable. */
    int maxUnreachedAttempts();

    Decision decide(Answers answers);

    /** A reached callback: the requester's answers, and how often the order has been re-handled so far. */
    record Answers(long orderId, int rehandles, boolean contacted, ActionInput.Solved solved,
            ActionInput.Satisfaction satisfaction, Instant at) {
    }

    enum Outcome { NONE, REHANDLE, CLOSE }

    /** The follow-up and a sentence that explains it (it becomes the reason of the follow-up's history entry). */
    record Decision(Outcome outcome, String explanation) {
    }

    /** Without a policy module: three attempts, and no automatic follow-up. */
    CallbackPolicy NONE = new CallbackPolicy() {
        @Override
        public int maxUnreachedAttempts() {
            return 3;
        }

        @Override
        public Decision decide(Answers answers) {
            return new Decision(Outcome.NONE, "no callback policy is configured");
        }
    };
}
