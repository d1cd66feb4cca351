package io.swiftresponse.knowledge;

import java.io.PrintStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar swift-response.jar knowledge reindex [--swift.data-dir=...]}: rebuilds the knowledge index from the
 * database without serving requests (the context starts on a random port and stops). Stop the running platform first (it holds the index and, when embedded,
 * the database); while it runs, use {@code POST /api/v1/knowledge/index/rebuild} instead.
 */
public final class KnowledgeCommand {

    public static final String NAME = "knowledge";

    private KnowledgeCommand() {
    }

    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !"reindex".equals(args[0])) {
            err.println("usage: knowledge reindex [--swift.data-dir=DIR] [--spring.datasource.url=...]");
            return 2;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(application)
                // the web layer's beans are part of the context; a random port keeps it out of the way of a running server
                .properties("server.port=0", "swift.sla.scheduling=false", "swift.knowledge.expiry-scan-interval=P3650D").logStartupInfo(false).run(rest)) {
            int n = ctx.getBean(KnowledgeIndexer.class).rebuild();
            out.println("knowledge index rebuilt: " + n + " live articles");
            return 0;
        } catch (RuntimeException e) {
            err.println("knowledge reindex failed: " + e.getMessage());
            return 1;
        }
    }
}
