package io.swiftresponse.knowledge;

import java.time.Instant;

/** An agent answered a consultation with an article; its usage count breaks ties in search. */
public record ArticleUsed(long articleId, long orderId, String actor, Instant at) {
}
