package io.swiftresponse.knowledge;

import java.time.LocalDate;

/** A published article passed its last day in force: agents no longer see it, and its owning unit is told once. */
public record ArticleExpired(long articleId, String title, String unitCode, LocalDate expiresOn) {
}
