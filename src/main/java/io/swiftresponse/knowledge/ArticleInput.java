package io.swiftresponse.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * The editable content of an article. {@code body} is rich text (HTML) and is sanitised on save;
 * {@code synonyms} are groups of words that mean the same, one group per line or separated by ";", words by ",";
 * {@code expiresOn} is the last day the article is in force (none: until retired).
 */
public record ArticleInput(String title, String body, String unitCode, List<String> categoryCodes, String keywords,
        String synonyms, LocalDate effectiveFrom, LocalDate expiresOn, String note) {
}
