package io.swiftresponse.knowledge;

import java.time.Instant;

/** A version of an article went live: the index takes it in. */
public record ArticlePublished(long articleId, int version, String unitCode, String title, Instant at) {
}
