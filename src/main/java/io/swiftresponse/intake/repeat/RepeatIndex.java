package io.swiftresponse.intake.repeat;

import io.swiftresponse.workorder.OrderFacts;
import io.swiftresponse.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open and recent orders by requester phone, by street and by a ~500 m grid cell, so a lookup compares the
 * new text only with the orders of the same caller and the same place (a few thousand at a million orders
 * in the window), never with the whole city. Thread-safe; kept current by {@link RepeatIndexMaintainer}.
 *
 * <p>Similarity: the texts' bigrams ({@link Shingles}) weighted by rarity over the index
 * ({@link ShingleFrequencies}); the weight of the bigrams both texts share divided by the smaller text's total
 * weight. Two reports of the same problem share its rare specifics (the building, the shop, the problem's own
 * words); two reports of the same kind of problem in the same street share only the common words.
 * Street and cell orders sit in {@link PlaceBucket}s (primitive arrays) that a lookup scans.
 */
public final class RepeatIndex {

    static final double CELL_DEGREES = 0.005;
    private static final double METERS_PER_DEGREE = 111_320;

    private final Map<Long, IndexedOrder> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<Long>> byPhone = new ConcurrentHashMap<>();
    private final Map<String, PlaceBucket> byStreet = new ConcurrentHashMap<>();
    private final Map<Long, PlaceBucket> byCell = new ConcurrentHashMap<>();
    private final ShingleFrequencies frequencies = new ShingleFrequencies();
    private final Duration window;
    private final double radiusMeters;
    private final double minSimilarity;

    public RepeatIndex(Duration window, double radiusMeters, double minSimilarity) {
        this.window = window;
        this.radiusMeters = radiusMeters;
        this.minSimilarity = minSimilarity;
    }

    public int size() {
        return byId.size();
    }

    /** What repeats are compared on: the title and the description. */
    static String textOf(OrderFacts o) {
        return (o.title() == null ? "" : o.title()) + " " + (o.description() == null ? "" : o.description());
    }

    public void add(OrderFacts o) {
        if (o.state() == WorkOrderState.MERGED) {
            return; // a merged order is never the one to merge into
        }
        String text = textOf(o);
        IndexedOrder e = new IndexedOrder(o.id(), o.number(), o.title(), phoneKey(o.requesterPhone()), o.streetCode(),
                o.lat() == null ? Double.NaN : o.lat(), o.lng() == null ? Double.NaN : o.lng(), o.categoryCode(), o.state(),
                o.leadUnitCode(), o.recordedAt(), Shingles.of(text));
        remove(o.id());
        byId.put(e.id(), e);
        frequencies.add(e.shingles());
        double weight = frequencies.total(e.shingles());
        if (e.phoneKey() != null) byPhone.computeIfAbsent(e.phoneKey(), k -> ConcurrentHashMap.newKeySet()).add(e.id());
        if (e.streetCode() != null) byStreet.compute(e.streetCode(), (k, b) -> with(b, e, weight));
        if (e.hasPoint()) byCell.compute(cell(e.lat(), e.lng()), (k, b) -> with(b, e, weight));
    }

    private static PlaceBucket with(PlaceBucket bucket, IndexedOrder e, double weight) {
        PlaceBucket b = bucket == null ? new PlaceBucket() : bucket;
        b.add(e.id(), e.shingles(), weight);
        return b;
    }

    /**
     * Recomputes the stored weights with the current bigram frequencies: after the initial load (the first
     * orders were weighed against a nearly empty index) and with every eviction.
     */
    public void reweigh() {
        byStreet.values().forEach(b -> b.reweigh(frequencies));
        byCell.values().forEach(b -> b.reweigh(frequencies));
    }

    /** A transition: keep the progress current; a merged order leaves the index. */
    public void progress(long id, WorkOrderState state, String leadUnitCode) {
        if (state == WorkOrderState.MERGED) {
            remove(id);
            return;
        }
        byId.computeIfPresent(id, (k, e) -> e.withProgress(state, leadUnitCode));
    }

    public void remove(long id) {
        IndexedOrder e = byId.remove(id);
        if (e == null) return;
        frequencies.remove(e.shingles());
        if (e.phoneKey() != null) {
            byPhone.computeIfPresent(e.phoneKey(), (k, s) -> {
                s.remove(id);
                return s.isEmpty() ? null : s;
            });
        }
        if (e.streetCode() != null) byStreet.computeIfPresent(e.streetCode(), (k, b) -> b.remove(id) ? null : b);
        if (e.hasPoint()) byCell.computeIfPresent(cell(e.lat(), e.lng()), (k, b) -> b.remove(id) ? null : b);
    }

    /** Forgets finished orders recorded before the window; open orders stay however old. */
    public int evict(Instant now) {
        Instant cutoff = now.minus(window);
        List<Long> old = byId.values().stream().filter(e -> e.state().terminal() && e.recordedAt().isBefore(cutoff))
                .map(IndexedOrder::id).toList();
        old.forEach(this::remove);
        reweigh();
        return old.size();
    }

    public List<RepeatCandidate> find(RepeatQuery q, int limit) {
        return find(q, limit, minSimilarity);
    }

    /** As {@link #find(RepeatQuery, int)} with another similarity threshold (the benchmark sweeps it). */
    public List<RepeatCandidate> find(RepeatQuery q, int limit, double minSimilarity) {
        int[] shingles = Shingles.of(q.text());
        double[] weights = frequencies.weights(shingles);
        double total = 0;
        for (double w : weights) total += w;
        double queryTotal = total;
        // similar orders of the same street and of the cells within the radius, each once, with its similarity
        Map<Long, Double> similar = new HashMap<>();
        PlaceBucket.Hits hit = similar::put;
        boolean hasPoint = !Double.isNaN(q.lat()) && !Double.isNaN(q.lng());
        if (shingles.length > 0) {
            PlaceBucket street = q.streetCode() == null ? null : byStreet.get(q.streetCode());
            if (street != null) street.scan(shingles, weights, queryTotal, minSimilarity, hit);
            if (hasPoint) {
                double dLat = radiusMeters / METERS_PER_DEGREE;
                double dLng = radiusMeters / (METERS_PER_DEGREE * Math.cos(Math.toRadians(q.lat())));
                for (long r = cellIndex(q.lat() - dLat); r <= cellIndex(q.lat() + dLat); r++) {
                    for (long c = cellIndex(q.lng() - dLng); c <= cellIndex(q.lng() + dLng); c++) {
                        PlaceBucket cell = byCell.get(key(r, c));
                        if (cell != null) cell.scan(shingles, weights, queryTotal, minSimilarity, hit);
                    }
                }
            }
        }
        // the caller's own orders whatever the text
        String phone = phoneKey(q.phone());
        for (Long id : phone == null ? Set.<Long>of() : byPhone.getOrDefault(phone, Set.of())) {
            similar.computeIfAbsent(id, k -> {
                IndexedOrder e = byId.get(k);
                if (e == null || shingles.length == 0) return 0.0;
                double common = Shingles.overlap(shingles, weights, e.shingles());
                return common <= 0 ? 0.0 : Math.min(1, common / Math.min(queryTotal, frequencies.total(e.shingles())));
            });
        }
        if (q.excludeOrderId() != null) similar.remove(q.excludeOrderId());
        Instant cutoff = q.now().minus(window);
        List<RepeatCandidate> out = new ArrayList<>();
        similar.forEach((id, sim) -> {
            IndexedOrder e = byId.get(id);
            if (e == null || (e.state().terminal() && e.recordedAt().isBefore(cutoff))) return;
            RepeatCandidate c = score(e, q, phone, sim, hasPoint, radiusMeters, minSimilarity);
            if (c != null) out.add(c);
        });
        out.sort(Comparator.comparingDouble(RepeatCandidate::score).reversed().thenComparing(RepeatCandidate::orderId,
                Comparator.reverseOrder()));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** The candidate with its reasons and rank, or null when it is neither the same caller nor similar at the same place. */
    static RepeatCandidate score(IndexedOrder e, RepeatQuery q, String phone, double sim, boolean hasPoint, double radiusMeters,
            double minSimilarity) {
        boolean samePhone = phone != null && phone.equals(e.phoneKey());
        boolean sameStreet = q.streetCode() != null && q.streetCode().equals(e.streetCode());
        Double distance = hasPoint && e.hasPoint() ? meters(q.lat(), q.lng(), e.lat(), e.lng()) : null;
        boolean near = distance != null && distance <= radiusMeters;
        boolean similar = sim >= minSimilarity;
        if (!(samePhone || ((sameStreet || near) && similar))) return null;
        List<String> reasons = new ArrayList<>(4);
        if (samePhone) reasons.add("SAME_PHONE");
        if (sameStreet) reasons.add("SAME_STREET");
        if (near) reasons.add("WITHIN_RADIUS");
        if (similar) reasons.add("SIMILAR_TEXT");
        // the caller's own open orders first, then the same problem at the same place; open before finished
        double score = sim + (samePhone ? 0.5 : 0) + (near ? 0.1 : sameStreet ? 0.05 : 0) + (e.state().terminal() ? 0 : 0.05);
        return new RepeatCandidate(e.id(), e.number(), e.title(), e.state(), e.leadUnitCode(), e.categoryCode(), e.recordedAt(),
                List.copyOf(reasons), Math.round(sim * 1000) / 1000.0,
                distance == null ? null : (double) Math.round(distance), Math.round(score * 1000) / 1000.0);
    }

    /** Digits only, without the country code, so 138-1234-5678 and +86 13812345678 match; null when too short. */
    static String phoneKey(String phone) {
        if (phone == null) return null;
        String digits = phone.replaceAll("\\D", "");
        if (digits.startsWith("86") && digits.length() == 13) digits = digits.substring(2);
        return digits.length() < 7 ? null : digits;
    }

    static double meters(double lat1, double lng1, double lat2, double lng2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
    }

    static long cellIndex(double degrees) {
        return (long) Math.floor(degrees / CELL_DEGREES);
    }

    static long cell(double lat, double lng) {
        return key(cellIndex(lat), cellIndex(lng));
    }

    static long key(long row, long col) {
        return (row << 32) ^ (col & 0xffffffffL);
    }
}
