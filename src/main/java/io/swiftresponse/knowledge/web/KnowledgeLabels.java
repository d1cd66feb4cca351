package io.swiftresponse.knowledge.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** The knowledge screens' texts: Chinese first, English with {@code ?lang=en}; from {@code i18n/knowledge*.properties}. */
final class KnowledgeLabels {

    private KnowledgeLabels() {
    }

    static boolean english(String lang) {
        return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("en");
    }

    static Map<String, String> of(String lang) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.knowledge", english(lang) ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> labels = new HashMap<>();
        bundle.keySet().forEach(k -> labels.put(k, bundle.getString(k)));
        return labels;
    }
}
