package io.swiftresponse.knowledge;

import java.time.LocalDate;
import java.util.List;

/** A search result: the live article's title, owner, categories, and the passage that matched as safe HTML with {@code <mark>}. */
public record ArticleHit(long id, String title, String unitCode, String unitName, List<String> categoryCodes, String passageHtml,
        float score, int usageCount, LocalDate effectiveFrom, LocalDate expiresOn) {
}
