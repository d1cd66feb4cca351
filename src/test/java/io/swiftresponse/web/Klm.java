package io.swiftresponse.web;

/**
 * The Keystroke-Level Model (Card, Moran and Newell, "The Keystroke-Level Model for User Performance Time with
 * Interactive Systems", CACM 23(7), 1980; "The Psychology of Human-Computer Interaction", 1983) applied to a
 * {@link KeyLog}. Constants from that paper: K = 0.12 s (good typist, 90 wpm), 0.20 s (average skilled typist,
 * 55 wpm), 0.28 s (average non-secretary typist, 40 wpm); M = 1.35 s per mental preparation. H (hands to the
 * mouse) and P (pointing) are zero: the path is keyboard only.
 *
 * <p>Chinese is typed through a pinyin IME: each character costs its pinyin letters plus a share of the candidate
 * selections. That figure is an assumption of ours, not a measurement: 2.5 keystrokes per character (phrase input
 * with abbreviated pinyin and predictive completion, common for trained hotline agents), 3.5 (full pinyin,
 * a selection per word), 4.5 (syllable by syllable with candidate paging). Full pinyin alone averages a little
 * over 3 letters per syllable.
 */
final class Klm {

    static final double K_GOOD = 0.12;
    static final double K_SKILLED = 0.20;
    static final double K_AVERAGE = 0.28;
    static final double M = 1.35;

    static final double PINYIN_LOW = 2.5;
    static final double PINYIN_MID = 3.5;
    static final double PINYIN_HIGH = 4.5;

    /**
     * Mental preparations on the path (the KLM's heuristic: one before each chunk that needs a decision): start the
     * number, the title, the description, check and take the suggestion, the address, check the street and lead unit,
     * choose "dispatch at once", and the final check before Alt+S.
     */
    static final int MENTAL_STEPS = 8;

    record Estimate(String label, double k, int keystrokes, double typingSeconds, int mentalSteps, double mentalSeconds) {
        double totalSeconds() {
            return typingSeconds + mentalSeconds;
        }
    }

    static Estimate estimate(KeyLog keys, double pinyinPerHanzi, double k) {
        int keystrokes = keys.plainKeystrokes() + (int) Math.round(keys.hanzi() * pinyinPerHanzi);
        String label = String.format(java.util.Locale.ROOT, "(K %.2f s, %.1f pinyin keys per character)", k, pinyinPerHanzi);
        return new Estimate(label, k, keystrokes, keystrokes * k, MENTAL_STEPS, MENTAL_STEPS * M);
    }

    private Klm() {
    }
}
