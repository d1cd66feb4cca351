package io.swiftresponse.bench.orders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

/** The load driver's threads: c workers started together, run until a deadline, each with its own tally. */
final class Workers {

    private Workers() {
    }

    interface Worker {
        Tally run(int index, long deadlineNanos) throws Exception;
    }

    /** Runs c workers until the deadline (seconds from now); each keeps its own tally. */
    static List<Tally> run(int c, double seconds, Worker worker) throws Exception {
        CountDownLatch ready = new CountDownLatch(c);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        Tally[] tallies = new Tally[c];
        Throwable[] failure = new Throwable[1];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            int w = i;
            Thread th = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    tallies[w] = worker.run(w, deadline[0]);
                } catch (Throwable e) {
                    failure[0] = e;
                    tallies[w] = new Tally();
                }
            }, "bench-" + i);
            threads.add(th);
            th.start();
        }
        ready.await();
        deadline[0] = System.nanoTime() + (long) (seconds * 1e9);
        go.countDown();
        for (Thread th : threads) {
            th.join();
        }
        if (failure[0] != null) {
            throw new IllegalStateException("a worker failed", failure[0]);
        }
        return Arrays.asList(tallies);
    }

    static final class ThreadLocalSeed {
        private static final Random R = new Random(42);

        static synchronized int next() {
            return R.nextInt(1 << 20);
        }
    }
}
