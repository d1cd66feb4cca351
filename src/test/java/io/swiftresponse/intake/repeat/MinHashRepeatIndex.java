package io.swiftresponse.intake.repeat;

import io.swiftresponse.workorder.OrderFacts;
import io.swiftresponse.workorder.WorkOrderState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The repeat index as it was before rarity-weighted shingles and primitive buckets (commit 18c4ff3): boxed
 * id sets per phone, street and cell, MinHash signatures (estimated Jaccard of character bigrams). Kept in
 * the tests only as the benchmark's "before" (bench/run-intake.sh measures both in the same run).
 */
public final class MinHashRepeatIndex {

    private static final double METERS_PER_DEGREE = 111_320;

    private final Map<Long, IndexedOrder> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<Long>> byPhone = new ConcurrentHashMap<>();
    private final Map<String, Set<Long>> byStreet = new ConcurrentHashMap<>();
    private final Map<Long, Set<Long>> byCell = new ConcurrentHashMap<>();
    private final Duration window;
    private final double radiusMeters;
    private final double minSimilarity;

    public MinHashRepeatIndex(Duration window, double radiusMeters, double minSimilarity) {
        this.window = window;
        this.radiusMeters = radiusMeters;
        this.minSimilarity = minSimilarity;
    }

    public int size() {
        return byId.size();
    }

    public void add(OrderFacts o) {
        if (o.state() == WorkOrderState.MERGED) {
            return; // a merged order is never the one to merge into
        }
        String text = RepeatIndex.textOf(o);
        IndexedOrder e = new IndexedOrder(o.id(), o.number(), o.title(), RepeatIndex.phoneKey(o.requesterPhone()), o.streetCode(),
                o.lat() == null ? Double.NaN : o.lat(), o.lng() == null ? Double.NaN : o.lng(), o.categoryCode(), o.state(),
                o.leadUnitCode(), o.recordedAt(), MinHash.signature(text));
        remove(o.id());
        byId.put(e.id(), e);
        if (e.phoneKey() != null) byPhone.computeIfAbsent(e.phoneKey(), k -> ConcurrentHashMap.newKeySet()).add(e.id());
        if (e.streetCode() != null) byStreet.computeIfAbsent(e.streetCode(), k -> ConcurrentHashMap.newKeySet()).add(e.id());
        if (e.hasPoint()) byCell.computeIfAbsent(RepeatIndex.cell(e.lat(), e.lng()), k -> ConcurrentHashMap.newKeySet()).add(e.id());
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
        if (e.phoneKey() != null) drop(byPhone, e.phoneKey(), id);
        if (e.streetCode() != null) drop(byStreet, e.streetCode(), id);
        if (e.hasPoint()) drop(byCell, RepeatIndex.cell(e.lat(), e.lng()), id);
    }

    /** Forgets finished orders recorded before the window; open orders stay however old. */
    public int evict(Instant now) {
        Instant cutoff = now.minus(window);
        List<Long> old = byId.values().stream().filter(e -> e.state().terminal() && e.recordedAt().isBefore(cutoff))
                .map(IndexedOrder::id).toList();
        old.forEach(this::remove);
        return old.size();
    }

    public List<RepeatCandidate> find(RepeatQuery q, int limit) {
        Set<Long> ids = new HashSet<>();
        String phone = RepeatIndex.phoneKey(q.phone());
        if (phone != null) ids.addAll(byPhone.getOrDefault(phone, Set.of()));
        if (q.streetCode() != null) ids.addAll(byStreet.getOrDefault(q.streetCode(), Set.of()));
        boolean hasPoint = !Double.isNaN(q.lat()) && !Double.isNaN(q.lng());
        if (hasPoint) {
            double dLat = radiusMeters / METERS_PER_DEGREE;
            double dLng = radiusMeters / (METERS_PER_DEGREE * Math.cos(Math.toRadians(q.lat())));
            for (long r = RepeatIndex.cellIndex(q.lat() - dLat); r <= RepeatIndex.cellIndex(q.lat() + dLat); r++) {
                for (long c = RepeatIndex.cellIndex(q.lng() - dLng); c <= RepeatIndex.cellIndex(q.lng() + dLng); c++) {
                    ids.addAll(byCell.getOrDefault(RepeatIndex.key(r, c), Set.of()));
                }
            }
        }
        if (q.excludeOrderId() != null) ids.remove(q.excludeOrderId());
        if (ids.isEmpty()) return List.of();
        int[] sig = MinHash.signature(q.text());
        Instant cutoff = q.now().minus(window);
        List<RepeatCandidate> out = new ArrayList<>();
        for (Long id : ids) {
            IndexedOrder e = byId.get(id);
            if (e == null || (e.state().terminal() && e.recordedAt().isBefore(cutoff))) continue;
            RepeatCandidate c = RepeatIndex.score(e, q, phone, MinHash.similarity(sig, e.shingles()), hasPoint, radiusMeters, minSimilarity);
            if (c != null) out.add(c);
        }
        out.sort(Comparator.comparingDouble(RepeatCandidate::score).reversed().thenComparing(RepeatCandidate::orderId,
                Comparator.reverseOrder()));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private static <K> void drop(Map<K, Set<Long>> map, K key, long id) {
        map.computeIfPresent(key, (k, s) -> {
            s.remove(id);
            return s.isEmpty() ? null : s;
        });
    }
}
