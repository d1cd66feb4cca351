package io.swiftresponse.knowledge;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.workorder.ActionInput;
import io.swiftresponse.workorder.OrderAction;
import io.swiftresponse.workorder.WorkOrders;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base at work: answering a consultation with an article (cited on the order), agents' flags on
 * articles that are outdated or wrong, and what needs an owner's attention (open flags, expired articles).
 */
@Service
public class Consultations {

    private final ArticleRepository articles;
    private final KnowledgeSearch search;
    private final WorkOrders orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Consultations(ArticleRepository articles, KnowledgeSearch search, WorkOrders orders, ApplicationEventPublisher events, Clock clock) {
        this.articles = articles;
        this.search = search;
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Applies the order's {@code answer} action with the article cited (number and title) in the history, and
     * counts the use, in one transaction: a refused answer leaves no use behind.
     */
    @Transactional
    public Article answerWith(long articleId, long orderId, String note, CurrentUser actor) {
        Article a = search.live(articleId);
        if (note != null && note.length() > 1000) throw Problem.invalidField("note", "at most 1000 characters");
        String text = "已按知识库文章答复：《" + a.title() + "》（知识库 #" + a.id() + "）" + (note == null || note.isBlank() ? "" : "。" + note.strip());
        orders.act(orderId, OrderAction.ANSWER, new ActionInput(null, null, null, text, null, null, null, null, null, null, null, null,
                null, null), actor);
        Instant now = clock.instant();
        articles.recordUse(articleId, orderId, actor.username(), now);
        events.publishEvent(new ArticleUsed(articleId, orderId, actor.username(), now));
        return a;
    }

    @Transactional
    public ArticleFlag flag(long articleId, ArticleFlag.Reason reason, String note, CurrentUser actor) {
        Article a = search.live(articleId);
        if (reason == null) throw Problem.invalidField("reason", "is required: OUTDATED, WRONG or OTHER");
        if (note != null && note.length() > 1000) throw Problem.invalidField("note", "at most 1000 characters");
        if (reason == ArticleFlag.Reason.OTHER && (note == null || note.isBlank())) {
            throw Problem.invalidField("note", "is required with reason OTHER: say what is wrong");
        }
        Instant now = clock.instant();
        long flagId = articles.insertFlag(articleId, reason, note, actor.username(), now);
        events.publishEvent(new ArticleFlagged(articleId, flagId, a.title(), a.unitCode(), reason.name(), note, actor.username(), now));
        return articles.flags(null, articleId, false).stream().filter(f -> f.id() == flagId).findFirst().orElseThrow();
    }

    @Transactional
    public void resolveFlag(long flagId, CurrentUser actor) {
        long articleId = articles.flagArticle(flagId).orElseThrow(() -> Problem.notFound("Flag " + flagId));
        Article a = articles.find(articleId).orElseThrow();
        ArticleRules.requireEditor(actor, a.unitCode());
        if (!articles.resolveFlag(flagId, actor.username(), clock.instant())) {
            throw Problem.conflict("flag-resolved", "Flag " + flagId + " is already resolved.");
        }
    }

    /** Open flags and expired live articles: a handler's own unit, or every unit for the hotline. */
    public Attention attention(CurrentUser actor) {
        String unit;
        if (actor.isHandler()) unit = actor.unitCode();
        else if (ArticleRules.isHotlineEditor(actor)) unit = null;
        else throw Problem.forbidden("Only owning units and hotline supervisors and admins look after articles.");
        return new Attention(articles.flags(unit, null, true), articles.expiredOf(unit, LocalDate.now(clock)));
    }

    /** Tells the owners of articles that expired since the last run, once each; returns how many. */
    @Transactional
    public int reportExpired() {
        LocalDate today = LocalDate.now(clock);
        List<Article> expired = articles.newlyExpired(today);
        for (Article a : expired) {
            articles.markExpiryNotified(a.id(), today);
            events.publishEvent(new ArticleExpired(a.id(), a.title(), a.unitCode(), a.expiresOn()));
        }
        return expired.size();
    }

    public record Attention(List<ArticleFlag> openFlags, List<Article> expired) {
    }
}
