package io.swiftresponse.bench;

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

/**
 * Repeat detection over a synthetic window: {@code --orders} (default 1,000,000) orders spread over 343 street
 * cells of the demo city, texts from the category catalogue plus a specific detail (building, unit, shop) so
 * that two different reports of the same kind in the same street differ as real ones do. Then
 * {@code --queries} lookups: a quarter paraphrases at the same place (point within ~150 m), a quarter the same
 * caller re-calling in other words, a quarter the same caller about a new problem (also a SAME_PHONE
 * candidate, by design), a quarter new problems (no repeat). Prints recall@5, precision@1, the false-alarm
 * rate, and the lookup latency of the index vs a brute-force scan of the whole window (the baseline).
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
        double minSimilarity = Double.parseDouble(stringArg(args, "--min-similarity", "0.45"));
        RepeatIndex index = new RepeatIndex(Duration.ofDays(30), 300, minSimilarity);
        System.out.println("min similarity " + minSimilarity + ", radius 300 m, window 30 days");
        Order[] all = new Order[orders];
        long t0 = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            Order o = order(i + 1, categories, random);
            all[i] = o;
            index.add(facts(o, random));
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf(Locale.ROOT, "index: %,d orders built in %.1f s, heap used %.0f MB%n", index.size(),
                (System.nanoTime() - t0) / 1e9, (rt.totalMemory() - rt.freeMemory()) / 1e6);

        int found = 0;
        int repeats = 0;
        int answered = 0;
        int topRight = 0;
        int falseAlarms = 0;
        int fresh = 0;
        long[] indexNanos = new long[queries];
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
        // warm-up, then measure
        for (int r = 0; r < 2; r++) qs.forEach(q -> index.find(q, 5));
        for (int q = 0; q < queries; q++) {
            long s = System.nanoTime();
            List<RepeatCandidate> c = index.find(qs.get(q), 5);
            indexNanos[q] = System.nanoTime() - s;
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
        System.out.printf(Locale.ROOT, "quality: recall@5 %.3f (%d of %d injected repeats), precision@1 %.3f (%d of %d answered),"
                + " false alarms on new problems %.3f (%d of %d)%n", found / (double) repeats, found, repeats,
                topRight / (double) answered, topRight, answered, falseAlarms / (double) fresh, falseAlarms, fresh);
        print("index lookup", indexNanos);

        // baseline: no index, compare with every order of the window (what a table scan without the index does)
        int baselineQueries = Math.min(queries, intArg(args, "--baseline-queries", 200));
        int[][] signatures = new int[orders][];
        for (int i = 0; i < orders; i++) signatures[i] = io.swiftresponse.intake.repeat.MinHash.signature(all[i].text());
        long[] scanNanos = new long[baselineQueries];
        long sink = 0;
        for (int q = 0; q < baselineQueries; q++) {
            long s = System.nanoTime();
            int[] sig = io.swiftresponse.intake.repeat.MinHash.signature(qs.get(q).text());
            for (int i = 0; i < orders; i++) {
                if (io.swiftresponse.intake.repeat.MinHash.similarity(sig, signatures[i]) >= minSimilarity) sink++;
            }
            scanNanos[q] = System.nanoTime() - s;
        }
        print("baseline full scan", scanNanos);
        System.out.println("(scan matches " + sink + ")");
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
