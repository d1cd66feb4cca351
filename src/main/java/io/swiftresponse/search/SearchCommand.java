package io.swiftresponse.search;

import io.swiftresponse.search.index.OrderProjection;
import java.io.PrintStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar swift-response.jar search reindex [--swift.data-dir=…]}: rebuilds the order index from the
 * database with the application stopped (no HTTP port, no deadline watch). While the application runs, its
 * index is locked: use {@code POST /api/v1/admin/search/orders/reindex} instead.
 */
public final class SearchCommand {

    public static final String NAME = "search";

    private SearchCommand() {
    }

    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !"reindex".equals(args[0])) {
            err.println("usage: search reindex [--swift.data-dir=DIR] [--spring.datasource.url=…]");
            return 2;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        // the web context stays (controllers need it) but port -1 opens no HTTP port
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .properties("server.port=-1", "swift.search.catch-up-on-start=false", "swift.sla.scheduling=false",
                        "spring.main.banner-mode=off")
                .run(rest)) {
            long started = System.nanoTime();
            long n = context.getBean(OrderProjection.class).rebuildBlocking();
            out.printf("order index rebuilt: %d orders in %.1f s%n", n, (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (root instanceof org.apache.lucene.store.LockObtainFailedException) {
                err.println("The order index is in use by a running instance; rebuild it there with "
                        + "POST /api/v1/admin/search/orders/reindex (as admin).");
            } else {
                err.println("reindex failed: " + root);
            }
            return 1;
        }
    }
}
