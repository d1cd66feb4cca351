package io.swiftresponse.bench.orders;

import java.util.Locale;

/** Before a phase: waits for the rest of the machine to be quiet, up to a limit. */
final class QuietMachine {

    private QuietMachine() {
    }

    /**
     * Other work on the machine (a build, a test run) takes cores from the measured processes. Before each
     * phase this waits, up to --quiet-wait seconds, until the rest of the machine uses less than --max-other
     * cores; the CPU others used during every phase is reported either way.
     */
    static void await(Bench bench) throws InterruptedException {
        if (bench.watched == null || bench.opt.quietWait <= 0) {
            return;
        }
        long until = System.nanoTime() + (long) (bench.opt.quietWait * 1e9);
        boolean told = false;
        while (true) {
            Cpu.Snapshot a = Cpu.snapshot(bench.watched);
            Thread.sleep(1000);
            double other = Cpu.snapshot(bench.watched).minus(a, 1.0).other();
            if (other <= bench.opt.maxOther) {
                if (told) {
                    System.out.printf("  (machine quiet again: others use %.2f cores)%n", other);
                }
                return;
            }
            if (System.nanoTime() > until) {
                String note = String.format(Locale.ROOT, "other processes used %.2f cores when a phase started (waited %.0f s "
                        + "for less than %.2f); see the 'other' CPU column", other, bench.opt.quietWait, bench.opt.maxOther);
                System.out.println("  warning: " + note);
                if (bench.notes.stream().noneMatch(n -> n.startsWith("other processes"))) {
                    bench.notes.add(note);
                }
                return;
            }
            if (!told) {
                System.out.printf("  (other processes use %.2f cores; waiting up to %.0f s for a quieter machine)%n", other,
                        bench.opt.quietWait);
                told = true;
            }
        }
    }
}
