package io.swiftresponse.knowledge.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the index knows of one live article: the published text, its filters, and the tie-breakers. */
public record IndexedArticle(long id, String title, String text, String keywords, String unitCode,
        List<String> categoryCodes, LocalDate effectiveFrom, LocalDate expiresOn, Instant updatedAt, int usageCount) {
}
