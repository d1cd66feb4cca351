package io.swiftresponse.bench.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The application as a child process: fresh data folder, a fixed free port, its log in the folder. */
final class ServerProcess implements AutoCloseable, Watched {
    private static final Pattern PG_PORT = Pattern.compile("Embedded PostgreSQL 17 on port (\\d+) with data in (\\S+)");

    final Process process;
    final int port;
    final int pgPort;
    final Path dataDir;
    final Path pgDir;
    final Path log;
    final double startSeconds;
    final List<String> jvmOpts;
    final List<String> serverOpts;
    private boolean closed;

    private ServerProcess(Process process, int port, int pgPort, Path dataDir, Path pgDir, Path log, double startSeconds,
            List<String> jvmOpts, List<String> serverOpts) {
        this.process = process;
        this.port = port;
        this.pgPort = pgPort;
        this.dataDir = dataDir;
        this.pgDir = pgDir;
        this.log = log;
        this.startSeconds = startSeconds;
        this.jvmOpts = jvmOpts;
        this.serverOpts = serverOpts;
    }

    static ServerProcess start(Options opt) throws Exception {
        Path jar = Path.of(opt.jar).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no application jar at " + jar + " (build it: mvn -q -DskipTests package)");
        }
        Path dir = Files.createTempDirectory("swift-bench-");
        Path log = dir.resolve("server.log");
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(opt.jvmOpts);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.add("--server.port=" + port);
        cmd.addAll(opt.serverOpts);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SWIFT_DATA_DIR", dir.resolve("data").toString());
        pb.environment().remove("SWIFT_DB_URL");
        long t0 = System.nanoTime();
        Process p = pb.start();
        System.out.println("starting " + String.join(" ", cmd) + "\n  SWIFT_DATA_DIR=" + dir.resolve("data"));
        ServerProcess[] holder = new ServerProcess[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (holder[0] != null) {
                holder[0].close();
            } else {
                p.destroy();
            }
        }));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(opt.startTimeout).toNanos();
        while (true) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the server exited with " + p.exitValue() + "; its log:\n" + tail(log, 40));
            }
            if (System.nanoTime() > deadline) {
                p.destroy();
                throw new IllegalStateException("the server did not become healthy in " + opt.startTimeout + " s; its log:\n"
                        + tail(log, 40));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Matcher m = PG_PORT.matcher(Files.readString(log));
        if (!m.find()) {
            throw new IllegalStateException("no line 'Embedded PostgreSQL 17 on port N' in " + log
                    + ": is the server using an external database?");
        }
        ServerProcess s = new ServerProcess(p, port, Integer.parseInt(m.group(1)), dir, Path.of(m.group(2)), log, seconds,
                opt.jvmOpts, opt.serverOpts);
        holder[0] = s;
        s.raisePostgresPriority();
        return s;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(pgDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * pg_ctl starts PostgreSQL in a session of its own, so under autogroup scheduling it would not share the
     * priority that BENCH_NICE gives the driver and the server; give its group the same niceness.
     */
    void raisePostgresPriority() {
        String nice = System.getenv("BENCH_NICE");
        long pm = postmasterPid();
        if (nice == null || nice.isBlank() || pm <= 0) {
            return;
        }
        try {
            Files.writeString(Path.of("/proc/" + pm + "/autogroup"), nice.trim());
        } catch (IOException | RuntimeException e) {
            System.out.println("  (could not set the niceness of PostgreSQL's scheduling group: " + e.getMessage() + ")");
        }
    }

    String describeOptions() {
        List<String> all = new ArrayList<>(jvmOpts);
        all.addAll(serverOpts);
        return String.join(" ", all);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        process.destroy(); // SIGTERM: Spring closes the context, which stops the embedded PostgreSQL
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (System.getenv("BENCH_KEEP_DATA") == null) {
            // the data goes; the server's log stays for a look afterwards
            try (var paths = Files.walk(dataDir.resolve("data"))) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                System.err.println("could not delete " + dataDir + ": " + e);
            }
        }
    }
}
