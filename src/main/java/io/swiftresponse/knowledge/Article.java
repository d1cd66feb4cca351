package io.swiftresponse.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An article as its editors see it: the working copy, its status, and which version agents and the public read
 * ({@code liveVersion}, null when none is published).
 */
public record Article(long id, String title, String bodyHtml, String unitCode, List<String> categoryCodes, String keywords,
        String synonyms, LocalDate effectiveFrom, LocalDate expiresOn, ArticleStatus status, int version, Integer liveVersion,
        int usageCount, String createdBy, Instant createdAt, Instant updatedAt, Instant publishedAt) {

    /** In force on a day: published, effective, and not past its last day. */
    public boolean inForceOn(LocalDate day) {
        return liveVersion != null && status != ArticleStatus.RETIRED && !effectiveFrom.isAfter(day)
                && (expiresOn == null || !expiresOn.isBefore(day));
    }
}
