package io.swiftresponse.intake.classifier;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds messages of a raw sample that also occur, in segmented and stop-word-filtered form, in a
 * training set. A training text matches a raw message when at least {@code threshold} of its tokens
 * (split on whitespace, reduced to Han characters, letters and digits) occur in the reduced raw text and
 * its reduced length is at least half of the raw one. Candidates are found through shared character
 * trigrams, so the search is fast.
 */
public final class OverlapFinder {

    private static final int MAX_POSTINGS = 400; // ignore trigrams that are too common to discriminate
    private static final int CANDIDATES = 12;

    private final List<String> trainReduced;
    private final List<String[]> trainTokens;
    private final Map<Long, int[]> postings;

    /** Indexes training texts (segmented: tokens separated by whitespace). */
    public OverlapFinder(List<String> trainingTexts) {
        trainReduced = new ArrayList<>(trainingTexts.size());
        trainTokens = new ArrayList<>(trainingTexts.size());
        Map<Long, List<Integer>> tmp = new HashMap<>();
        for (int i = 0; i < trainingTexts.size(); i++) {
            String t = trainingTexts.get(i);
            List<String> toks = new ArrayList<>();
            for (String tok : t.split("\\s+")) {
                String r = reduce(tok);
                if (!r.isEmpty()) {
                    toks.add(r);
                }
            }
            trainTokens.add(toks.toArray(new String[0]));
            String red = reduce(t);
            trainReduced.add(red);
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (int p = 0; p + 3 <= red.length(); p++) {
                long key = trigram(red, p);
                if (seen.add(key)) {
                    tmp.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                }
            }
        }
        postings = new HashMap<>();
        for (Map.Entry<Long, List<Integer>> e : tmp.entrySet()) {
            if (e.getValue().size() <= MAX_POSTINGS) {
                postings.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }

    /** Han characters, letters and digits only, NFKC, lower case. */
    static String reduce(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Tokenizer.isHan(c) || Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static long trigram(String s, int p) {
        return ((long) s.charAt(p) << 32) | ((long) s.charAt(p + 1) << 16) | s.charAt(p + 2);
    }

    /** Indices of the training texts that match a raw message (empty if none). */
    public List<Integer> matches(String rawText, double threshold) {
        String red = reduce(rawText);
        Map<Integer, Integer> shared = new HashMap<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int p = 0; p + 3 <= red.length(); p++) {
            long key = trigram(red, p);
            if (!seen.add(key)) {
                continue;
            }
            int[] post = postings.get(key);
            if (post != null) {
                for (int i : post) {
                    shared.merge(i, 1, Integer::sum);
                }
            }
        }
        List<Map.Entry<Integer, Integer>> cands = new ArrayList<>(shared.entrySet());
        cands.sort((a, b) -> b.getValue() != a.getValue().intValue()
                ? Integer.compare(b.getValue(), a.getValue()) : Integer.compare(a.getKey(), b.getKey()));
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < Math.min(CANDIDATES, cands.size()); c++) {
            int i = cands.get(c).getKey();
            if (containment(i, red) >= threshold && trainReduced.get(i).length() * 2 >= red.length()) {
                out.add(i);
            }
        }
        out.sort(Integer::compare);
        return out;
    }

    private double containment(int i, String reducedRaw) {
        String[] toks = trainTokens.get(i);
        if (toks.length == 0) {
            return 0;
        }
        int hit = 0;
        for (String t : toks) {
            if (reducedRaw.contains(t)) {
                hit++;
            }
        }
        return hit / (double) toks.length;
    }
}
