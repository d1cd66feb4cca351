package io.swiftresponse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.SwiftResponseApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** An unreachable external database stops start-up with one clear line naming the URL, not stack traces. */
class DatabaseStartupTests {

    @Test
    void unreachableDatabaseFailsWithOneClearLine() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/swift";
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        Throwable failure = null;
        try {
            PrintStream ps = new PrintStream(captured, true, StandardCharsets.UTF_8);
            System.setOut(ps);
            System.setErr(ps);
            new SpringApplicationBuilder(SwiftResponseApplication.class)
                    .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=swift");
        } catch (Throwable t) {
            failure = t;
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        assertThat(failure).isNotNull();
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("Cannot connect to the database at " + url);
        assertThat(output).doesNotContain("\tat org.postgresql");
        assertThat(output.lines().filter(l -> l.startsWith("\tat ")).count()).isZero();
    }
}
