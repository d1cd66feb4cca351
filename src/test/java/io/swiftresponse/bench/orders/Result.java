package io.swiftresponse.bench.orders;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** One phase at one concurrency: throughput, latency percentiles, the CPU each process used. */
record Result(String phase, int c, double perSecond, long count, long errors, double p50, double p99, double p999,
        Cpu.Split cpu, int requestsPerUnit, Map<String, double[]> perStep, Map<String, Double> serverThreads) {

    /** CPU milliseconds per order: what an order costs, whatever else the machine was doing. */
    double cpuMs(double cores) {
        return perSecond > 0 ? 1000 * cores / perSecond : Double.NaN;
    }

    String costLine() {
        String threads = serverThreads.entrySet().stream().filter(e -> e.getValue() >= 0.005)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "      CPU ms per %s: driver %.2f, server %.2f, postgres %.2f%s",
                phase.equals("auth GET") ? "request" : "order", cpuMs(cpu.driver()),
                cpuMs(cpu.server()), cpuMs(cpu.postgres()), threads.isEmpty() ? "" : "; server threads (cores): " + threads);
    }

    String line() {
        String unit = phase.equals("lifecycle") ? "orders/s (" + String.format(Locale.ROOT, "%.0f", perSecond * requestsPerUnit)
                + " req/s)" : phase.equals("auth GET") ? "requests/s" : "orders/s";
        return String.format(Locale.ROOT, "  %-9s C=%-3d %8.0f %-22s p50 %6.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  n=%d err=%d  %s",
                phase, c, perSecond, unit, p50, p99, p999, count, errors, cpu);
    }
}
