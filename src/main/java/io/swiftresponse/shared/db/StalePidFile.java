package io.swiftresponse.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * After a crash or a kill -9, PostgreSQL leaves {@code postmaster.pid} behind and refuses to start.
 * When the process it names is gone the file is stale and safe to remove; when it is alive another
 * instance owns the data directory and we say so.
 */
final class StalePidFile {

    private StalePidFile() {
    }

    static void removeIfOwnerIsGone(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid = lines.isEmpty() ? -1 : parse(lines.get(0));
        boolean alive = pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (alive) {
            throw new IllegalStateException("The data directory " + dataDir
                    + " is in use by another running PostgreSQL (pid " + pid
                    + "): stop the other Swift Response instance or set swift.data-dir to another folder.");
        }
        Files.delete(pidFile);
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
