package io.swiftresponse.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One step in an article's append-only history: what was done, by whom, and the full content at that point. */
public record ArticleVersion(long id, int version, String action, ArticleStatus status, String title, String bodyHtml,
        String unitCode, List<String> categoryCodes, String keywords, String synonyms, LocalDate effectiveFrom,
        LocalDate expiresOn, String actor, String actorRole, Instant at, String note) {
}
