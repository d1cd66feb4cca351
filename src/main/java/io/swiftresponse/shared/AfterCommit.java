package io.swiftresponse.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs in-memory reactions (live updates, in-memory indexes) once the publishing transaction has committed,
 * or at once when there is none.
 * <p>
 * Use this from a plain {@code @EventListener} instead of {@code @TransactionalEventListener} for reactions
 * that need no delivery guarantee of their own: Spring Modulith persists a publication for every transactional
 * listener and, in the committing request thread, marks it processing and completed in transactions of their
 * own. That costs two statements and a second pooled connection per listener and event; with as many
 * concurrent requests as pooled connections, every request thread holds one connection and waits for a
 * second: the pool deadlocks until its timeout (seen under load in bench/run-orders.sh).
 */
public final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private AfterCommit() {
    }

    /** A failing action is logged, never thrown: the transaction it follows has committed already. */
    public static void run(String what, Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runQuietly(what, action);
                }
            });
        } else {
            runQuietly(what, action);
        }
    }

    private static void runQuietly(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("{} failed after commit: {}", what, e.toString());
        }
    }
}
