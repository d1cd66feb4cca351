package io.swiftresponse.intake.classifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The {@code --name value} options of one classifier subcommand, with checks that give one-line errors. */
final class CliOptions {

    /** Bad usage or input: reported on one line, exit code 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values;

    private CliOptions(Map<String, String> values) {
        this.values = values;
    }

    static CliOptions of(Map<String, String> values) {
        return new CliOptions(new TreeMap<>(values));
    }

    /** Parses {@code args[1..]} ({@code --name value} or {@code --name=value}); only {@code allowed} names. */
    static CliOptions parse(String[] args, Set<String> allowed, String cmd) throws UsageException {
        Map<String, String> opts = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new UsageException("unexpected argument '" + a + "' (options look like --name value)");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option --" + name + " for '" + cmd + "'; allowed: --"
                        + String.join(", --", new TreeSet<>(allowed)));
            }
            if (opts.put(name, value) != null) {
                throw new UsageException("option --" + name + " given twice");
            }
        }
        return new CliOptions(opts);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name) {
        return values.get(name);
    }

    String getOrDefault(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) throws UsageException {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException("missing required option --" + name);
        }
        return v;
    }

    /** A whole number option, or {@code fallback} when absent. */
    int integer(String name, int fallback) throws UsageException {
        try {
            return Integer.parseInt(getOrDefault(name, Integer.toString(fallback)).strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number");
        }
    }

    /** An existing regular file named by a required option. */
    Path inputFile(String name) throws UsageException {
        Path p = Path.of(required(name));
        if (!Files.exists(p)) {
            throw new UsageException("file not found: " + p + " (--" + name + ")");
        }
        if (!Files.isRegularFile(p)) {
            throw new UsageException("not a regular file: " + p + " (--" + name + ")");
        }
        return p;
    }

    /** A file that may be created, named by a required option: its folder exists and it is no folder. */
    Path outputFile(String name) throws UsageException {
        Path p = Path.of(required(name)).toAbsolutePath();
        Path dir = p.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UsageException("output folder does not exist: " + p.getParent() + " (--" + name + ")");
        }
        if (Files.isDirectory(p)) {
            throw new UsageException("output is a directory: " + p + " (--" + name + ")");
        }
        return p;
    }

    /** {@link #outputFile} if the option is given, else null. */
    Path optionalOutputFile(String name) throws UsageException {
        return has(name) ? outputFile(name) : null;
    }
}
