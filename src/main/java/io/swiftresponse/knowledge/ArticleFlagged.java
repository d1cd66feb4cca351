package io.swiftresponse.knowledge;

import java.time.Instant;

/** An agent flagged an article as outdated or wrong; its owning unit is told. */
public record ArticleFlagged(long articleId, long flagId, String title, String unitCode, String reason, String note,
        String flaggedBy, Instant at) {
}
