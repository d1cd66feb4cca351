package io.swiftresponse.bench.orders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The command line (see HELP). */
final class Options {
    String url;
    String jdbcUrl;
    String jar = System.getenv().getOrDefault("JAR", "target/swift-response.jar");
    List<Integer> concurrency = List.of(4, 8, 16, 32);
    List<Integer> lifecycleConcurrency = List.of(8, 16);
    double duration = 15;
    double rawDuration = 8;
    double lifecycleDuration = 15;
    double warmup = 120;
    double warmupMin = 20;
    double jitSettled = 0.05;
    int repeat = 1;
    int poolSize = 2000;
    long seed = 12345;
    int startTimeout = 240;
    String client = "socket";
    Set<String> phases = new LinkedHashSet<>(List.of("create", "raw", "ping", "lifecycle"));
    List<String> jvmOpts = new ArrayList<>();
    List<String> serverOpts = new ArrayList<>();
    String markdownFile;
    double maxOther = 0.3;
    double quietWait = 0;
    long serverPid;
    long postmasterPid;

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                v = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--help", "-h" -> {
                    System.out.println(HELP);
                    return null;
                }
                case "--quick" -> {
                    o.concurrency = List.of(8, 16);
                    o.lifecycleConcurrency = List.of(16);
                    o.duration = 6;
                    o.rawDuration = 4;
                    o.lifecycleDuration = 6;
                    o.warmup = 30;
                    o.warmupMin = 10;
                    o.poolSize = 1000;
                }
                case "--url" -> o.url = v != null ? v : args[++i];
                case "--jdbc-url" -> o.jdbcUrl = v != null ? v : args[++i];
                case "--jar" -> o.jar = v != null ? v : args[++i];
                case "--concurrency", "-c" -> o.concurrency = ints(v != null ? v : args[++i]);
                case "--lifecycle-concurrency" -> o.lifecycleConcurrency = ints(v != null ? v : args[++i]);
                case "--duration" -> o.duration = Double.parseDouble(v != null ? v : args[++i]);
                case "--raw-duration" -> o.rawDuration = Double.parseDouble(v != null ? v : args[++i]);
                case "--lifecycle-duration" -> o.lifecycleDuration = Double.parseDouble(v != null ? v : args[++i]);
                case "--warmup" -> o.warmup = Double.parseDouble(v != null ? v : args[++i]);
                case "--warmup-min" -> o.warmupMin = Double.parseDouble(v != null ? v : args[++i]);
                case "--jit-settled" -> o.jitSettled = Double.parseDouble(v != null ? v : args[++i]);
                case "--repeat" -> o.repeat = Integer.parseInt(v != null ? v : args[++i]);
                case "--bodies" -> o.poolSize = Integer.parseInt(v != null ? v : args[++i]);
                case "--seed" -> o.seed = Long.parseLong(v != null ? v : args[++i]);
                case "--client" -> o.client = v != null ? v : args[++i];
                case "--phases" -> o.phases = new LinkedHashSet<>(List.of((v != null ? v : args[++i]).split(",")));
                case "--jvm-opt" -> o.jvmOpts.add(v != null ? v : args[++i]);
                case "--server-opt" -> o.serverOpts.add(v != null ? v : args[++i]);
                case "--markdown" -> o.markdownFile = v != null ? v : args[++i];
                case "--server-pid" -> o.serverPid = Long.parseLong(v != null ? v : args[++i]);
                case "--postmaster-pid" -> o.postmasterPid = Long.parseLong(v != null ? v : args[++i]);
                case "--max-other" -> o.maxOther = Double.parseDouble(v != null ? v : args[++i]);
                case "--quiet-wait" -> o.quietWait = Double.parseDouble(v != null ? v : args[++i]);
                case "--start-timeout" -> o.startTimeout = Integer.parseInt(v != null ? v : args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + HELP);
            }
        }
        if (!o.client.equals("socket") && !o.client.equals("jdk")) {
            throw new IllegalArgumentException("--client is socket or jdk");
        }
        return o;
    }

    private static List<Integer> ints(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    static final String HELP = """
            OrderLoadBenchmark [options]
              --quick                      ~1.5 minutes: C=8,16, 6 s phases, at most 30 s of warm-up (figures low)
              --jar PATH                   application jar (env JAR; default target/swift-response.jar)
              --url URL                    use a running server instead of starting one
              --jdbc-url URL               with --url: the database for the raw JDBC phase (user postgres)
              --server-pid PID             with --url: account the server's CPU (and --postmaster-pid PID, PostgreSQL's)
              --concurrency 4,8,16,32      concurrent clients for the create and raw phases
              --lifecycle-concurrency 8,16 concurrent clients for the lifecycle phase
              --duration S                 seconds per create measurement (15)
              --raw-duration S             seconds per raw JDBC measurement (8)
              --lifecycle-duration S       seconds per lifecycle measurement (15)
              --warmup S                   longest warm-up, seconds (120; it ends sooner once the server's JIT
                                           compilers use less than --jit-settled cores (0.05) in a 5 s round,
                                           but not before --warmup-min seconds (20))
              --repeat N                   repeat all measurements N times, report medians (1)
              --phases create,raw,ping,lifecycle   (ping: an authenticated GET, the floor under every call)
              --client socket|jdk          load driver HTTP client: plain sockets (default) or java.net.http
              --jvm-opt OPT                extra JVM option for the server child (repeatable)
              --server-opt OPT             extra application argument, e.g. --server-opt=--server.tomcat.threads.max=32
              --bodies N                   distinct request bodies (2000)
              --markdown FILE              also write the Markdown snippet to FILE
              --max-other CORES            before a phase, wait until other processes use less (0.3)
              --quiet-wait S               ... for at most S seconds, then measure anyway (0: never wait; with
                                           BENCH_NICE the others yield anyway, so the check would only wait)
            env BENCH_KEEP_DATA=1 keeps the temporary data folder.""";
}
