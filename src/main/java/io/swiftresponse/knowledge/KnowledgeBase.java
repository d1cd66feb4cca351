package io.swiftresponse.knowledge;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.shared.web.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing and reviewing articles. Owning units draft and submit; the hotline publishes or sends back; every step
 * appends a full snapshot to the history. Publishing and retiring publish events the search index follows.
 */
@Service
public class KnowledgeBase {

    private final ArticleRepository articles;
    private final ArticleRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    KnowledgeBase(ArticleRepository articles, ArticleRules rules, ApplicationEventPublisher events, Clock clock) {
        this.articles = articles;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Article create(ArticleInput input, CurrentUser actor) {
        String unit = rules.owningUnit(input, actor);
        String body = rules.validate(input);
        Instant now = clock.instant();
        long id = articles.insert(ArticleRules.normalised(input), body, unit, actor.username(), now);
        articles.appendVersion(id, "create", actor.username(), actor.role().name(), now, input.note());
        return articles.find(id).orElseThrow();
    }

    /** A new version of the content; a published article stays live with its old text until the revision is published. */
    @Transactional
    public Article revise(long id, ArticleInput input, CurrentUser actor) {
        Article a = editable(id, actor);
        if (a.status() == ArticleStatus.RETIRED) throw Problem.conflict("article-retired", "A retired article cannot be edited; write a new one.");
        if (input.unitCode() != null && !input.unitCode().equals(a.unitCode())) {
            throw Problem.invalidField("unitCode", "the owning unit of an article does not change; it is " + a.unitCode());
        }
        String body = rules.validate(input);
        Instant now = clock.instant();
        articles.updateContent(id, ArticleRules.normalised(input), body, ArticleStatus.DRAFT, now);
        articles.appendVersion(id, "revise", actor.username(), actor.role().name(), now, input.note());
        return articles.find(id).orElseThrow();
    }

    @Transactional
    public Article submit(long id, String note, CurrentUser actor) {
        Article a = editable(id, actor);
        return move(a, "submit", Set.of(ArticleStatus.DRAFT), ArticleStatus.IN_REVIEW, note, actor);
    }

    @Transactional
    public Article publish(long id, String note, CurrentUser actor) {
        ArticleRules.requireReviewer(actor);
        Article a = locked(id);
        Article done = move(a, "publish", Set.of(ArticleStatus.IN_REVIEW), ArticleStatus.PUBLISHED, note, actor);
        events.publishEvent(new ArticlePublished(id, done.version(), done.unitCode(), done.title(), clock.instant()));
        return done;
    }

    /** Sends a submitted article back to its owner with the reason. */
    @Transactional
    public Article reject(long id, String reason, CurrentUser actor) {
        ArticleRules.requireReviewer(actor);
        if (reason == null || reason.isBlank()) throw Problem.invalidField("reason", "is required: tell the owner what to change");
        return move(locked(id), "reject", Set.of(ArticleStatus.IN_REVIEW), ArticleStatus.DRAFT, reason, actor);
    }

    @Transactional
    public Article retire(long id, String reason, CurrentUser actor) {
        Article a = editable(id, actor);
        if (reason == null || reason.isBlank()) throw Problem.invalidField("reason", "is required: why the article is taken down");
        Article done = move(a, "retire", Set.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED),
                ArticleStatus.RETIRED, reason, actor);
        events.publishEvent(new ArticleRetired(id, a.unitCode(), clock.instant()));
        return done;
    }

    /** The working copy for its editors; everyone else reads the live version through {@link KnowledgeSearch}. */
    public Article workingCopy(long id, CurrentUser actor) {
        Article a = articles.find(id).orElseThrow(() -> Problem.notFound("Article " + id));
        if (!ArticleRules.mayEdit(actor, a.unitCode())) throw Problem.notFound("Article " + id);
        return a;
    }

    public List<ArticleVersion> history(long id, CurrentUser actor) {
        workingCopy(id, actor);
        return articles.history(id);
    }

    /** Articles an editor manages: a handler's own unit, or any unit for the hotline. */
    public List<Article> managed(String unitCode, ArticleStatus status, int limit, int offset, CurrentUser actor) {
        if (actor.isHandler()) {
            if (unitCode != null && !unitCode.equals(actor.unitCode())) throw Problem.forbidden("A handler manages their own unit's articles only.");
            unitCode = actor.unitCode();
        } else if (!ArticleRules.isHotlineEditor(actor)) {
            throw Problem.forbidden("Only owning units and hotline supervisors and admins manage articles.");
        }
        return articles.list(unitCode, status, limit, offset);
    }

    private Article move(Article a, String action, Set<ArticleStatus> from, ArticleStatus to, String note, CurrentUser actor) {
        if (!from.contains(a.status())) {
            throw Problem.conflict("invalid-transition", "Cannot " + action + " an article that is " + a.status() + "; allowed from " + from + ".")
                    .with("status", a.status());
        }
        if (note != null && note.length() > 1000) throw Problem.invalidField("note", "at most 1000 characters");
        Instant now = clock.instant();
        articles.updateStatus(a.id(), to, to == ArticleStatus.PUBLISHED, to == ArticleStatus.RETIRED, now);
        articles.appendVersion(a.id(), action, actor.username(), actor.role().name(), now, note);
        return articles.find(a.id()).orElseThrow();
    }

    private Article editable(long id, CurrentUser actor) {
        Article a = locked(id);
        ArticleRules.requireEditor(actor, a.unitCode());
        return a;
    }

    private Article locked(long id) {
        return articles.findForUpdate(id).orElseThrow(() -> Problem.notFound("Article " + id));
    }
}
