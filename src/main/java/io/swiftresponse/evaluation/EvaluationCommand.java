package io.swiftresponse.evaluation;

import java.io.PrintStream;
import java.util.Arrays;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar swift-response.jar evaluation rebuild [--swift.data-dir=... | --spring.datasource.url=...]}:
 * recomputes the evaluation counters from the orders, without the deadline watch. The web layer is part of the context
 * (its controllers need it), so it listens on a random loopback port for the few seconds the command runs.
 */
public final class EvaluationCommand {

    public static final String NAME = "evaluation";

    private EvaluationCommand() {
    }

    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !"rebuild".equals(args[0])) {
            err.println("usage: evaluation rebuild [--spring.datasource.url=... | --swift.data-dir=...]");
            return 2;
        }
        String[] springArgs = Arrays.copyOfRange(args, 1, args.length);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(application)
                .properties("swift.sla.scheduling=false", "spring.main.banner-mode=off", "server.port=0", "server.address=127.0.0.1",
                        "swift.sla.scan-initial-delay=PT24H").run(springArgs)) {
            FromScratch.RebuildReport r = ctx.getBean(FromScratch.class).rebuild();
            out.printf("evaluation rebuilt: %d scored orders, %d counter rows in %d ms%n", r.results(), r.counterRows(),
                    r.took().toMillis());
            return 0;
        } catch (RuntimeException e) {
            err.println("evaluation rebuild failed: " + e.getMessage());
            return 1;
        }
    }
}
