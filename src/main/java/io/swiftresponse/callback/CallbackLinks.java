package io.swiftresponse.callback;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.shared.web.Problem;
import io.swiftresponse.workorder.ActionInput;
import io.swiftresponse.workorder.CallbackQueries;
import io.swiftresponse.workorder.WorkOrders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizens answer the callback themselves through a link sent by SMS or shown on the portal: signed (it cannot be
 * forged or pointed at another order or a later handling round), expiring, and good for one answer. The answer
 * is recorded as workorder's {@code record-callback} by the actor {@value #ACTOR}, with the re-handling policy
 * applied in the same transaction as for an agent's callback.
 */
@Service
public class CallbackLinks {

    /** Who the history and the callback record name when the requester answered through a link. */
    public static final String ACTOR = "citizen-link";

    private final LinkStore store;
    private final CallbackQueries callbacks;
    private final WorkOrders workOrders;
    private final Clock clock;
    private final Duration validity;
    private final String baseUrl;
    private volatile LinkSigner signer;

    CallbackLinks(LinkStore store, CallbackQueries callbacks, WorkOrders workOrders, Clock clock,
            @Value("${swift.callback.link-validity:P7D}") Duration validity, @Value("${swift.callback.link-base-url:}") String baseUrl) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(Duration.ofDays(90)) > 0) {
            throw new IllegalArgumentException("swift.callback.link-validity must be positive and at most 90 days, not " + validity);
        }
        this.store = store;
        this.callbacks = callbacks;
        this.workOrders = workOrders;
        this.clock = clock;
        this.validity = validity;
        this.baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
    }

    /** A link for the order's current handling round; {@code requestBase} is used when no public base URL is configured. */
    @Transactional
    public Issued issue(long orderId, String requestBase, CurrentUser by) {
        CallbackDesk.requireHotline(by, "send callback links");
        CallbackQueries.PublicSummary order = callbacks.publicSummary(orderId).orElseThrow(() -> Problem.notFound("Order " + orderId));
        if (!order.awaitingCallback()) {
            throw Problem.conflict("not-awaiting-callback", "Order " + order.number() + " is " + order.state()
                    + ", not awaiting its callback: there is nothing for the requester to answer.").with("state", order.state());
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(validity).truncatedTo(ChronoUnit.SECONDS);
        String nonce = LinkStore.nonce();
        store.issued(nonce, orderId, order.round(), expiresAt, by.username(), now);
        String token = signer().sign(orderId, order.round(), expiresAt, nonce);
        String base = baseUrl.isEmpty() ? requestBase : baseUrl;
        return new Issued(orderId, order.number(), order.round(), base + "/portal/callback/" + token, token, expiresAt);
    }

    /** What the link leads to now: the question (OPEN), or why not. Never throws for a bad token. */
    @Transactional(readOnly = true)
    public Link open(String token) {
        LinkSigner.Check c = signer().check(token);
        if (c.status() == LinkSigner.Status.INVALID) return new Link(State.INVALID, null, null);
        if (c.status() == LinkSigner.Status.EXPIRED) return new Link(State.EXPIRED, null, c.expiresAt());
        long[] issued = store.issuedFor(c.nonce()).orElse(null);
        if (issued == null || issued[0] != c.orderId() || issued[1] != c.round()) return new Link(State.INVALID, null, null);
        CallbackQueries.PublicSummary order = callbacks.publicSummary(c.orderId()).orElse(null);
        if (order == null) return new Link(State.INVALID, null, null);
        if (store.used(c.nonce())) return new Link(State.USED, order, c.expiresAt());
        if (!order.awaitingCallback() || order.round() != c.round()) return new Link(State.CLOSED, order, c.expiresAt());
        return new Link(State.OPEN, order, c.expiresAt());
    }

    /**
     * Records the requester's answers once. A refusal by the lifecycle (the order moved on meanwhile) is thrown as
     * the {@link Problem} it is, and the whole transaction, the use of the link included, is rolled back.
     */
    @Transactional
    public Link answer(String token, boolean contacted, ActionInput.Solved solved, ActionInput.Satisfaction satisfaction,
            String comment) {
        Link link = open(token);
        if (link.state() != State.OPEN) return link;
        LinkSigner.Check c = signer().check(token);
        if (!store.use(c.nonce(), clock.instant())) return new Link(State.USED, link.order(), link.expiresAt());
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        workOrders.recordRequesterCallback(c.orderId(), c.round(), new ActionInput(null, null, note, null, null, null, null,
                null, null, null, true, contacted, solved, satisfaction), ACTOR);
        return new Link(State.ANSWERED, link.order(), link.expiresAt());
    }

    private LinkSigner signer() {
        LinkSigner s = signer;
        if (s == null) {
            s = new LinkSigner(store.key(), clock);
            signer = s;
        }
        return s;
    }

    public enum State { OPEN, ANSWERED, USED, CLOSED, EXPIRED, INVALID }

    /** The order is null for an invalid link: a forged token learns nothing about any order. */
    public record Link(State state, CallbackQueries.PublicSummary order, Instant expiresAt) {
    }

    public record Issued(long orderId, String number, int round, String url, String token, Instant expiresAt) {
    }
}
