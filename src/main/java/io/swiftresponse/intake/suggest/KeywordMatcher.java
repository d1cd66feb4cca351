package io.swiftresponse.intake.suggest;

import io.swiftresponse.taxonomy.Category;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The catalogue's keywords found in a text: the explanation "the catalogue rule matched these words", and the
 * fallback ranking when no model is loaded (categories ranked by the length of their matched keywords; its
 * "confidence" is each category's share of the matched length, not a calibrated probability).
 */
public final class KeywordMatcher {

    public record Hit(Category category, List<String> keywords, int matchedChars) {
    }

    private final List<Category> categories;

    public KeywordMatcher(Collection<Category> categories) {
        this.categories = categories.stream().filter(Category::dispatchable).toList();
    }

    public List<Hit> hits(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<Hit> out = new ArrayList<>();
        for (Category c : categories) {
            List<String> found = new ArrayList<>();
            int chars = 0;
            for (String k : CatalogueTrainingSet.keywords(c)) {
                if (t.contains(k.toLowerCase(Locale.ROOT))) {
                    found.add(k);
                    chars += k.length();
                }
            }
            if (t.contains(c.name()) && !found.contains(c.name())) {
                found.add(c.name());
                chars += c.name().length();
            }
            if (!found.isEmpty()) out.add(new Hit(c, found, chars));
        }
        out.sort(Comparator.comparingInt((Hit h) -> -h.matchedChars()).thenComparing(h -> h.category().code()));
        return out;
    }

    public List<String> keywordsOf(String categoryCode, String text) {
        return hits(text).stream().filter(h -> h.category().code().equals(categoryCode)).findFirst()
                .map(Hit::keywords).orElse(List.of());
    }
}
