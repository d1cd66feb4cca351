package io.swiftresponse.intake.suggest;

import io.swiftresponse.shared.web.Problem;

/**
 * What a suggestion accepts as text. Empty, over-long and binary texts are refused (400, the agent fixes
 * them); text with little Chinese is classified anyway but marked unsure, because the model only knows Chinese.
 */
public final class TextCheck {

    /** The share of Han characters among letters below which the classifier is not trusted. */
    static final double MIN_HAN_SHARE = 0.5;

    private TextCheck() {
    }

    /** Throws a 400 problem for unusable text; returns a reason to be unsure, or null. */
    public static String check(String text, int maxChars) {
        if (text == null || text.isBlank()) {
            throw Problem.invalidField("text", "is required: what the caller reports, in Chinese");
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxChars) {
            throw Problem.invalidField("text", "is " + length + " characters long; the limit is " + maxChars
                    + ": summarise the call").with("limit", maxChars);
        }
        int han = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (binary(cp, text, i)) {
                throw Problem.invalidField("text", String.format("contains a control or non-text character (U+%04X) at position %d;"
                        + " send plain text", cp, text.codePointCount(0, i)));
            }
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) han++;
            if (Character.isLetter(cp)) letters++;
            i += Character.charCount(cp);
        }
        if (han < 2) {
            return "The text has almost no Chinese characters; the category model only knows Chinese.";
        }
        if (han < MIN_HAN_SHARE * letters) {
            return String.format("Only %d%% of the letters are Chinese (mixed scripts); the suggestion may be wrong.",
                    Math.round(100.0 * han / letters));
        }
        return null;
    }

    private static boolean binary(int cp, String s, int i) {
        if (cp == '\n' || cp == '\r' || cp == '\t') return false;
        if (Character.isISOControl(cp) || cp == 0xFFFD || cp == 0xFFFE || cp == 0xFFFF) return true;
        if (Character.isSurrogate(s.charAt(i))) return true; // an unpaired surrogate: broken encoding
        int type = Character.getType(cp);
        return type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }
}
