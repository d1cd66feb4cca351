package io.swiftresponse.notification;

import io.swiftresponse.knowledge.ArticleExpired;
import io.swiftresponse.knowledge.ArticleFlagged;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells an article's owning unit when an agent flags it or when it passes its last day in force. */
@Component
class KnowledgeNotifier {

    private final Inbox inbox;

    KnowledgeNotifier(Inbox inbox) {
        this.inbox = inbox;
    }

    @ApplicationModuleListener
    void on(ArticleFlagged e) {
        String reason = switch (e.reason()) {
            case "OUTDATED" -> "内容过时 / outdated";
            case "WRONG" -> "内容有误 / wrong";
            default -> "其他 / other";
        };
        inbox.send(List.of(new Inbox.Message("UNIT", e.unitCode(), null, "KNOWLEDGE_FLAGGED", "知识库文章《" + e.title() + "》（#"
                + e.articleId() + "）被 " + e.flaggedBy() + " 报告：" + reason + (e.note() == null ? "" : "。" + e.note()))));
    }

    @ApplicationModuleListener
    void on(ArticleExpired e) {
        inbox.send(List.of(new Inbox.Message("UNIT", e.unitCode(), null, "KNOWLEDGE_EXPIRED", "知识库文章《" + e.title() + "》（#"
                + e.articleId() + "）已于 " + e.expiresOn() + " 到期，坐席已看不到，请更新或下线 / article expired, please revise or retire")));
    }
}
