package dk.kk.itassessment.notifications;

import dk.kk.itassessment.access.Caller;
import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.cases.CaseDirectory;
import dk.kk.itassessment.cases.CaseSubscriptions;
import dk.kk.itassessment.cases.CaseSummary;
import dk.kk.itassessment.platform.NotFound;
import dk.kk.itassessment.platform.Text;
import dk.kk.itassessment.platform.Unprocessable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribing to a case (CONTRACT.md "Cases": {@code PUT}/{@code DELETE …/subscription}, {@code GET …/subscribers}):
 * anyone who may read the case, with the e-mail address of their account; a case the caller may not read is 404, as
 * it is for reading it. Public for the case page's button. Each change is audited, with the case as target and
 * no address (the trail keeps facts, not personal data).
 */
@Service
public class Subscriptions implements CaseSubscriptions {

    private final CaseDirectory cases;
    private final Subscribers subscribers;
    private final AuditTrail audit;
    private final Clock clock;

    Subscriptions(CaseDirectory cases, Subscribers subscribers, AuditTrail audit, Clock clock) {
        this.cases = cases;
        this.subscribers = subscribers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Subscribes the caller; nothing changes when they are subscribed already. Audited {@code via: account} (a
     * signed-in caller, through the API or the case page), as against {@code via: link} (the unsubscribe link).
     */
    @Transactional
    public void subscribe(String number, Caller caller) {
        CaseSummary found = readable(number, caller);
        if (subscribers.subscribe(found.number(), emailOf(caller), "SUBSCRIBER", Instant.now(clock))) {
            audit.record(caller.username(), "subscription.created", "case/" + found.number(), Map.of("via", "account"));
        }
    }

    /** Ends the caller's subscription (also the one they have as the requester or the assignee). */
    @Transactional
    public void unsubscribe(String number, Caller caller) {
        CaseSummary found = readable(number, caller);
        if (caller.email() != null && subscribers.unsubscribe(found.number(), caller.email(), Instant.now(clock))) {
            audit.record(caller.username(), "subscription.ended", "case/" + found.number(), Map.of("via", "account"));
        }
    }

    /**
     * The one-click unsubscribe (no login: the signed link is the authority): ends the subscription whose token it is,
     * once; the case's number, or empty when the token is used up or unknown.
     */
    @Transactional
    Optional<String> unsubscribe(UUID token) {
        Optional<Subscribers.Subscription> ended = subscribers.unsubscribe(token, Instant.now(clock));
        ended.ifPresent(s -> audit.record("unsubscribe-link", "subscription.ended", "case/" + s.caseNumber(),
                Map.of("via", "link", "reason", s.reason())));
        return ended.map(Subscribers.Subscription::caseNumber);
    }

    /** The case a token's subscription is of, while it is active. */
    Optional<String> caseOf(UUID token) {
        return subscribers.byToken(token).map(Subscribers.Subscription::caseNumber);
    }

    public boolean isSubscribed(String number, Caller caller) {
        CaseSummary found = readable(number, caller);
        return caller.email() != null && subscribers.active(found.number(), caller.email());
    }

    /** The addresses subscribed to a case (reviewers: WebSecurity), in order. */
    public List<String> subscribers(String number, Caller caller) {
        CaseSummary found = readable(number, caller);
        return subscribers.active(found.number()).stream().map(Subscribers.Subscription::email).toList();
    }

    private CaseSummary readable(String number, Caller caller) {
        return cases.readable(number, caller)
                .orElseThrow(() -> new NotFound("No case " + Text.printable(number) + "."));
    }

    private static String emailOf(Caller caller) {
        if (caller.email() == null) {
            throw new Unprocessable("Your account has no e-mail address to send the case's changes to.", List.of());
        }
        return caller.email();
    }
}
