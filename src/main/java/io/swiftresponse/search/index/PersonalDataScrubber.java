package io.swiftresponse.search.index;

import java.util.regex.Pattern;

/**
 * Removes the requester's personal data from the texts before they reach the index, so nobody (an analyst
 * least of all) finds a requester by name or phone: the recorded name and phone wherever they occur, and any
 * mobile or landline-looking number typed into free text. The index never sees the name and phone columns.
 */
public final class PersonalDataScrubber {

    static final String NAME_MARK = "某某";
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    /** Landlines such as 010-12345678 or 64001234: seven or more digits in a row, with an optional area code. */
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)(0\\d{2,3}-?)?\\d{7,8}(?!\\d)");

    private PersonalDataScrubber() {
    }

    public static String scrub(String text, String requesterName, String requesterPhone) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (requesterPhone != null && requesterPhone.strip().length() >= 5) {
            out = out.replace(requesterPhone.strip(), "***");
        }
        if (requesterName != null && requesterName.strip().length() >= 2) {
            out = out.replace(requesterName.strip(), NAME_MARK);
        }
        out = MOBILE.matcher(out).replaceAll("***");
        return LANDLINE.matcher(out).replaceAll("***");
    }
}
