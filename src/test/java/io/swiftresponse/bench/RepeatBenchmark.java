package io.swiftresponse.bench;

import io.swiftresponse.intake.repeat.MinHashRepeatIndex;
import io.swiftresponse.intake.repeat.RepeatCandidate;
import io.swiftresponse.intake.repeat.RepeatIndex;
import io.swiftresponse.intake.repeat.RepeatQuery;
import io.swiftresponse.intake.suggest.Catalogue;
import io.swiftresponse.intake.suggest.CatalogueTrainingSet;
import io.swiftresponse.taxonomy.Category;
import io.swiftresponse.workorder.OrderFacts;
import io.swiftresponse.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Repeat detection over a synthetic window: {@code --orders} (default 1,000,000) orders spread over 343 street
 * cells of the demo city, texts from the category catalogue plus a specific detail (building, unit, shop) so
 * that two different reports of the same kind in the same street differ as real ones do. Then
 * {@code --queries} lookups: a quarter paraphrases at the same place (point within ~150 m), a quarter the same
 * caller re-calling in other words, a quarter the same caller about a new problem (also a SAME_PHONE
 * candidate, by design), a quarter new problems (no repeat). Prints recall@5, precision@1, the false-alarm
 * rate and the lookup latency of the index, for the previous design ({@link MinHashRepeatIndex}: MinHash
 * Jaccard, boxed id sets; "before") and the current one ({@link RepeatIndex}: rarity-weighted bigram overlap,
 * primitive buckets; "after") in the same run, with the current one's quality over a sweep of thresholds,
 * and a brute-force scan of the whole window (no index) for scale.
 */
public final class RepeatBenchmark {

    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    static final String[] BUILDINGS = {"号楼", "号院", "栋", "号商铺"};
    static final String[] SHOPS = {"便利店", "饭馆", "烧烤店", "洗车行", "菜市场", "幼儿园", "超市", "药店", "理发店", "快递站"};
    static final String[] OPENERS = {"市民来电反映", "来电人称", "反映", "来电表示", "诉求人说"};
    static final String[] PLEAS = {"希望尽快处理", "请相关部门解决", "已经好几天了", "影响正常生活", "多次反映没有结果", "请派人来看看"};

    record Order(long id, String text, String phone, int cell, double lat, double lng, String category, String detail) {
    }

    public static void main(String[] args) {
        int orders = intArg(args, "--orders", 1_000_000);
        int queries = intArg(args, "--queries", 4_000);
        SplittableRandom random = new SplittableRandom(20261129);
        List<Category> categories = Catalogue.demo().stream().filter(Category::dispatchable).toList();
        double minSimilarity = Double.parseDouble(stringArg(args, "--min-similarity", "0.65"));
        double beforeMinSimilarity = Double.parseDouble(stringArg(args, "--before-min-similarity", "0.45"));
        System.out.println("after: min similarity " + minSimilarity + "; before: " + beforeMinSimilarity + "; radius 300 m, window 30 days");
        Order[] all = new Order[orders];
        List<OrderFacts> facts = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) {
            all[i] = order(i + 1, categories, random);
            facts.add(facts(all[i], random));
        }
        List<RepeatQuery> qs = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            Order src = all[random.nextInt(orders)];
            int kind = q % 4;
            String text;
            String phone = null;
            double lat = Double.NaN;
            double lng = Double.NaN;
            String street = street(src.cell());
            Long source = src.id();
            switch (kind) {
                case 0 -> { // a neighbour reports the same problem in other words
                    text = paraphrase(src, random);
                    lat = src.lat() + (random.nextDouble() - 0.5) * 0.002;
                    lng = src.lng() + (random.nextDouble() - 0.5) * 0.002;
                }
                case 1 -> { // the same caller again, in other words, without giving the place
                    text = paraphrase(src, random);
                    phone = src.phone();
                    street = null;
                }
                case 2 -> { // the same caller about something new: SAME_PHONE is still the right warning
                    text = order(0, categories, random).text();
                    phone = src.phone();
                }
                default -> { // a new problem at a random place
                    Order o = order(0, categories, random);
                    text = o.text();
                    street = street(o.cell());
                    lat = o.lat();
                    lng = o.lng();
                    source = null;
                }
            }
            qs.add(new RepeatQuery(text, phone, street, lat, lng, null, NOW));
            expected.add(source);
        }

        // before: the previous design, measured first and then dropped, so both see the same free heap
        long heapBase = usedHeap();
        MinHashRepeatIndex[] before = {new MinHashRepeatIndex(Duration.ofDays(30), 300, beforeMinSimilarity)};
        long t0 = System.nanoTime();
        facts.forEach(before[0]::add);
        System.out.printf(Locale.ROOT, "before: %,d orders indexed in %.1f s, heap %.0f MB%n", before[0].size(),
                (System.nanoTime() - t0) / 1e9, (usedHeap() - heapBase) / 1e6);
        measure("before", qs, expected, (q, limit) -> before[0].find(q, limit), new double[0], null);
        before[0] = null;
        heapBase = usedHeap();
        t0 = System.nanoTime();
        RepeatIndex index = new RepeatIndex(Duration.ofDays(30), 300, minSimilarity);
        facts.forEach(index::add);
        long t1 = System.nanoTime();
        index.reweigh();
        System.out.printf(Locale.ROOT, "after: %,d orders indexed in %.1f s (+ reweigh %.1f s), heap %.0f MB%n", index.size(),
                (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9, (usedHeap() - heapBase) / 1e6);
        measure("after", qs, expected, (q, limit) -> index.find(q, limit),
                new double[] {0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8}, index);

        // no index: compare with every order of the window (what a table scan without the index does), current similarity
        int baselineQueries = Math.min(queries, intArg(args, "--baseline-queries", 50));
        RepeatIndex flat = new RepeatIndex(Duration.ofDays(30), 1e9, minSimilarity);
        long[] scanNanos = new long[baselineQueries];
        for (int i = 0; i < orders; i++) flat.add(withoutPlace(facts.get(i)));
        flat.reweigh();
        for (int q = 0; q < baselineQueries; q++) {
            RepeatQuery one = qs.get(q);
            long s = System.nanoTime();
            flat.find(new RepeatQuery(one.text(), null, "ALL", Double.NaN, Double.NaN, null, NOW), 5);
            scanNanos[q] = System.nanoTime() - s;
        }
        print("no index, full scan of the window", scanNanos);
    }

    /** Lookup latency over all queries (after two warm-up rounds) and quality at the index's threshold and a sweep. */
    static void measure(String name, List<RepeatQuery> qs, List<Long> expected,
            BiFunction<RepeatQuery, Integer, List<RepeatCandidate>> find, double[] sweep, RepeatIndex sweepIndex) {
        for (int r = 0; r < 2; r++) qs.forEach(q -> find.apply(q, 5));
        long[] nanos = new long[qs.size()];
        List<List<RepeatCandidate>> results = new ArrayList<>();
        for (int q = 0; q < qs.size(); q++) {
            long s = System.nanoTime();
            results.add(find.apply(qs.get(q), 5));
            nanos[q] = System.nanoTime() - s;
        }
        quality(name, results, expected);
        print(name + " index lookup", nanos);
        for (double t : sweep) {
            List<List<RepeatCandidate>> r = new ArrayList<>();
            for (RepeatQuery q : qs) r.add(sweepIndex.find(q, 5, t));
            quality(name + " at min-similarity " + t, r, expected);
        }
    }

    static void quality(String name, List<List<RepeatCandidate>> results, List<Long> expected) {
        int found = 0;
        int repeats = 0;
        int answered = 0;
        int topRight = 0;
        int falseAlarms = 0;
        int fresh = 0;
        for (int q = 0; q < results.size(); q++) {
            List<RepeatCandidate> c = results.get(q);
            Long want = expected.get(q);
            if (want != null) {
                repeats++;
                if (c.stream().anyMatch(x -> x.orderId() == want)) found++;
            } else {
                fresh++;
                if (!c.isEmpty()) falseAlarms++;
            }
            if (!c.isEmpty()) {
                answered++;
                if (want != null && c.get(0).orderId() == want) topRight++;
            }
        }
        System.out.printf(Locale.ROOT, "%s quality: recall@5 %.3f (%d of %d injected repeats), precision@1 %.3f (%d of %d answered),"
                + " false alarms on new problems %.3f (%d of %d)%n", name, found / (double) repeats, found, repeats,
                topRight / (double) answered, topRight, answered, falseAlarms / (double) fresh, falseAlarms, fresh);
    }

    static OrderFacts withoutPlace(OrderFacts o) {
        return new OrderFacts(o.id(), o.number(), o.title(), o.description(), null, null, null, null, "ALL", o.categoryCode(),
                o.state(), null, o.recordedAt(), o.recordedAt());
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    static Order order(long id, List<Category> categories, SplittableRandom random) {
        Category c = categories.get(random.nextInt(categories.size()));
        List<String> kws = CatalogueTrainingSet.keywords(c);
        int cell = random.nextInt(343);
        double[] box = box(cell);
        double lat = box[0] + random.nextDouble() * (box[2] - box[0]);
        double lng = box[1] + random.nextDouble() * (box[3] - box[1]);
        String detail = (1 + random.nextInt(40)) + BUILDINGS[random.nextInt(BUILDINGS.length)]
                + (random.nextBoolean() ? (1 + random.nextInt(6)) + "单元" : "旁边" + SHOPS[random.nextInt(SHOPS.length)]);
        String text = OPENERS[random.nextInt(OPENERS.length)] + detail + kws.get(random.nextInt(kws.size())) + "，"
                + PLEAS[random.nextInt(PLEAS.length)];
        String phone = "13" + (100_000_000 + random.nextInt(900_000_000));
        return new Order(id, text, phone, cell, lat, lng, c.code(), detail);
    }

    /** Other opener, other plea, the same detail and problem, sometimes the category's other keyword. */
    static String paraphrase(Order o, SplittableRandom random) {
        String core = o.text().replaceAll("^(市民来电反映|来电人称|反映|来电表示|诉求人说)", "").replaceAll("，[^，]*$", "");
        String[] openers = {"又来电说", "再次反映", "", "我这边"};
        String[] tails = {"，到现在还没人管", "，麻烦快点", "，怎么还没解决", "。"};
        return openers[random.nextInt(openers.length)] + core + tails[random.nextInt(tails.length)];
    }

    static OrderFacts facts(Order o, SplittableRandom random) {
        WorkOrderState state = random.nextInt(3) == 0 ? WorkOrderState.CLOSED : WorkOrderState.IN_PROGRESS;
        Instant at = NOW.minusSeconds(random.nextLong(29L * 24 * 3600));
        return new OrderFacts(o.id(), "B" + o.id(), o.text(), "", o.phone(), null, o.lat(), o.lng(), street(o.cell()), o.category(),
                state, null, at, at);
    }

    static String street(int cell) {
        return "S" + cell;
    }

    /** 343 equal cells over the demo city's 1.2° × 1.0° box: {south, west, north, east}. */
    static double[] box(int cell) {
        int row = cell / 19;
        int col = cell % 19;
        double h = 1.0 / 19;
        double w = 1.2 / 19;
        return new double[] {39.9 + row * h, 115.9 + col * w, 39.9 + (row + 1) * h, 115.9 + (col + 1) * w};
    }

    static void print(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%s: %d lookups, p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", what, s.length,
                s[s.length / 2] / 1e6, s[(int) Math.ceil(s.length * 0.99) - 1] / 1e6, s[s.length - 1] / 1e6);
    }

    static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
        return fallback;
    }

    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        return fallback;
    }
}
