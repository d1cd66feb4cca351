package io.swiftresponse.knowledge;

/** Draft (草稿) → in review (待审核) → published (已发布) → retired (已下线); a rejected review goes back to draft. */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, PUBLISHED, RETIRED
}
