package io.swiftresponse.open311;

import java.util.regex.Pattern;

/** Removes personal data from free text before it leaves through Open311: mobile and ID-card numbers. */
final class PublicText {

    private static final Pattern ID_CARD = Pattern.compile("(?<!\\d)(\\d{6})\\d{8}(\\d{3}[\\dXx])(?!\\d)");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private PublicText() {
    }

    static String clean(String text) {
        if (text == null) return null;
        return MOBILE.matcher(ID_CARD.matcher(text).replaceAll("$1********$2")).replaceAll("$1****$2");
    }
}
