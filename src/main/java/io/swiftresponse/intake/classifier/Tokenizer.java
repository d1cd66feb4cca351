package io.swiftresponse.intake.classifier;

import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Other.DoubleArrayTrieSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns raw or pre-segmented Chinese text into the same token stream.
 *
 * <ol>
 *   <li>NFKC normalisation (full-width letters, digits and punctuation become ASCII) and lower case;</li>
 *   <li>the text is cut into runs of Han characters and runs of letters/digits; punctuation and symbols
 *       break runs; whitespace between two Han characters is ignored, so text that was segmented by
 *       another tool (jieba, with spaces between words) and the raw text it came from give the same
 *       Han runs;</li>
 *   <li>Han runs are segmented with HanLP's dictionary segmenter ({@link DoubleArrayTrieSegment}: core
 *       dictionary, maximum matching; custom dictionary off so that the result does not depend on
 *       words another part of the application may add to HanLP's global custom dictionary);</li>
 *   <li>stop words (HanLP's stop-word list) and single letters or digits are dropped, which mimics how
 *       the training corpus was prepared (jieba + stop-word removal).</li>
 * </ol>
 *
 * <p>Thread-safe: the HanLP segmenter keeps no per-call state in the instance.
 */
final class Tokenizer {

    private static final class Holder {
        static final Segment SEGMENT = new DoubleArrayTrieSegment().enableCustomDictionary(false);
    }

    private final boolean removeStopWords;
    private final boolean keepNumbers;

    Tokenizer(boolean removeStopWords, boolean keepNumbers) {
        this.removeStopWords = removeStopWords;
        this.keepNumbers = keepNumbers;
    }

    /** Loads HanLP's dictionaries now rather than on the first call. */
    static void warmUp() {
        Holder.SEGMENT.seg("预热");
        CoreStopWordDictionary.contains("的");
    }

    static boolean isHan(char ch) {
        return (ch >= '\u4E00' && ch <= '\u9FFF') || (ch >= '\u3400' && ch <= '\u4DBF')
                || (ch >= '\uF900' && ch <= '\uFAFF');
    }

    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String s = normalise(text);
        int n = s.length();
        StringBuilder han = new StringBuilder();
        int alnStart = -1;
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (isHan(ch)) {
                if (alnStart >= 0) {
                    emitAlnum(s, alnStart, i, out);
                    alnStart = -1;
                }
                han.append(ch);
            } else if (Character.isWhitespace(ch) || Character.isSpaceChar(ch)) {
                if (alnStart >= 0) {
                    emitAlnum(s, alnStart, i, out);
                    alnStart = -1;
                }
                // whitespace inside a Han run is ignored when the next visible character is Han
                if (han.length() > 0) {
                    int j = i + 1;
                    while (j < n && (Character.isWhitespace(s.charAt(j)) || Character.isSpaceChar(s.charAt(j)))) {
                        j++;
                    }
                    if (j < n && isHan(s.charAt(j))) {
                        i = j - 1;
                        continue;
                    }
                    emitHan(han, out);
                }
            } else if (Character.isLetterOrDigit(ch)
                    || (ch == '.' && alnStart >= 0 && i + 1 < n && Character.isDigit(s.charAt(i + 1))
                        && Character.isDigit(s.charAt(i - 1)))) {
                if (han.length() > 0) {
                    emitHan(han, out);
                }
                if (alnStart < 0) {
                    alnStart = i;
                }
            } else {
                if (alnStart >= 0) {
                    emitAlnum(s, alnStart, i, out);
                    alnStart = -1;
                }
                if (han.length() > 0) {
                    emitHan(han, out);
                }
            }
        }
        if (alnStart >= 0) {
            emitAlnum(s, alnStart, n, out);
        }
        if (han.length() > 0) {
            emitHan(han, out);
        }
        return out;
    }

    private void emitHan(StringBuilder han, List<String> out) {
        char[] chars = new char[han.length()];
        han.getChars(0, chars.length, chars, 0);
        han.setLength(0);
        List<Term> terms = Holder.SEGMENT.seg(chars);
        for (Term t : terms) {
            String w = t.word;
            if (removeStopWords && CoreStopWordDictionary.contains(w)) {
                continue;
            }
            out.add(w);
        }
    }

    private void emitAlnum(String s, int from, int to, List<String> out) {
        if (to - from < 2) {
            return; // single letters and digits carry no meaning here (and were removed from the corpus)
        }
        String w = s.substring(from, to);
        if (!keepNumbers && isNumber(w)) {
            return;
        }
        if (removeStopWords && CoreStopWordDictionary.contains(w)) {
            return;
        }
        out.add(w);
    }

    private static boolean isNumber(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!Character.isDigit(c) && c != '.') {
                return false;
            }
        }
        return true;
    }
}
