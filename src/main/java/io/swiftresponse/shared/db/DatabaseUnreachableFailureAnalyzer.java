package io.swiftresponse.shared.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unreachable database into one readable start-up failure instead of nested stack traces. */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Check SWIFT_DB_URL / spring.datasource.url, the server, user and password; "
                        + "or unset the URL to use the embedded database.",
                cause);
    }
}
