package io.swiftresponse.bench.orders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine the run was on, for the report. */
record Machine(int cores, String model, String memory, String java) {
    static Machine describe() {
        String model = "?";
        String memory = "?";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("?");
        } catch (IOException e) {
            // not Linux
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), model, memory,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    String oneLine() {
        return cores + " cores (" + model + "), " + memory + " RAM, " + java;
    }

    @Override
    public String toString() {
        return "machine: " + oneLine();
    }
}
