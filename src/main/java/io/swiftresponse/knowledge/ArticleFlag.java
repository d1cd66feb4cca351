package io.swiftresponse.knowledge;

import java.time.Instant;

/** An agent's report that an article is outdated (过时) or wrong (有误), open until its owner resolves it. */
public record ArticleFlag(long id, long articleId, String articleTitle, String unitCode, Reason reason, String note,
        String flaggedBy, Instant at, Instant resolvedAt, String resolvedBy) {

    public enum Reason { OUTDATED, WRONG, OTHER }
}
