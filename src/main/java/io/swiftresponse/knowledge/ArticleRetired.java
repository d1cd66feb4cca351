package io.swiftresponse.knowledge;

import java.time.Instant;

/** An article was taken down: the index drops it. */
public record ArticleRetired(long articleId, String unitCode, Instant at) {
}
