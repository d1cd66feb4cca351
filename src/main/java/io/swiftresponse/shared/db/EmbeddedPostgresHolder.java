package io.swiftresponse.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** Owns the embedded server's lifetime; empty when an external database is used. */
record EmbeddedPostgresHolder(EmbeddedPostgres postgres) implements AutoCloseable {

    static EmbeddedPostgresHolder none() {
        return new EmbeddedPostgresHolder(null);
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
