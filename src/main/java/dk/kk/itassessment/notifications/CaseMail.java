package dk.kk.itassessment.notifications;

import dk.kk.itassessment.access.People;
import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.cases.CaseChanged;
import dk.kk.itassessment.cases.CaseDirectory;
import dk.kk.itassessment.cases.CaseSummary;
import dk.kk.itassessment.cases.CasesOpened;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Writes the mails of a case's change to the outbox, in the change's own transaction (a {@link CasesOpened} and
 * {@link CaseChanged} listener: if the outbox cannot be written, the change does not happen; if the change rolls back, so do its mails).
 * The opening subscribes the requester, an assignment the assignee. Each event reaches each subscriber but the one
 * who caused it — the opening always reaches the requester, as a receipt — and an internal comment only those who
 * may see it (reviewers, policy officers, admins: an account with the address has one of those roles). A
 * subscriber is told only while they may still read the case, by the rule of reading it: one of those roles, or the
 * case's requester (its address) or submitter (the address of that account).
 */
@Component
class CaseMail {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Copenhagen"));

    private final CaseDirectory cases;
    private final Subscribers subscribers;
    private final Outbox outbox;
    private final People people;
    /**
     * The batch window, the longest batch and the sender's address, bound once at the start: binding them again for
     * every change cost half the writer thread's time when cases opened (bench/README.md). The sender reads its own
     * settings at every poll (OutboxSender).
     */
    private final MailSettings settings;

    CaseMail(CaseDirectory cases, Subscribers subscribers, Outbox outbox, People people, Environment environment) {
        this.cases = cases;
        this.subscribers = subscribers;
        this.outbox = outbox;
        this.people = people;
        this.settings = MailSettings.of(environment);
    }

    /**
     * The cases opened together: each requester subscribed and sent a receipt, in two statements for all of them,
     * from what the event carries (nothing read back: this runs on the assessment store's one writer thread, for
     * every request). A case just opened has no other subscriber and no batch yet, and its requester may read it.
     */
    @EventListener
    void on(CasesOpened opened) {
        List<Subscribers.NewSubscription> subscriptions = new ArrayList<>();
        List<Outbox.NewMail> receipts = new ArrayList<>();
        for (CasesOpened.Opening o : opened.cases()) {
            CaseSummary c = o.summary();
            UUID token = UUID.randomUUID();
            Instant at = o.opened().at();
            subscriptions.add(new Subscribers.NewSubscription(c.number(), c.requesterEmail(), "REQUESTER", token, at));
            receipts.add(new Outbox.NewMail(c.number(), Subscribers.key(c.requesterEmail()), "REQUESTER",
                    c.solution(), token, List.of(EventTexts.of(o.opened(), c, WHEN.format(at))), at));
        }
        subscribers.subscribeOnce(subscriptions);
        outbox.insertNew(receipts, settings, domain(settings.from()));
    }

    @EventListener
    void on(CaseChanged changed) {
        CaseSummary c = cases.find(changed.number()).orElse(null);
        if (c == null || changed.events().isEmpty()) {
            return;
        }
        List<CaseSummary.Event> events = cases.latest(c.number(), changed.events().size());
        for (CaseSummary.Event e : events) {
            if (e.event().equals("ASSIGNED") && e.details().get("to") != null) {
                people.email(String.valueOf(e.details().get("to")))
                        .ifPresent(email -> subscribers.subscribe(c.number(), email, "ASSIGNEE", changed.at()));
            }
        }
        tell(c, events, changed.at(), people.email(changed.actor()).orElse(null));
    }

    /**
     * Appends {@code events} to the batch of each subscriber of the case: all but the actor, internal ones only to
     * those who may see them.
     */
    void tell(CaseSummary c, List<CaseSummary.Event> events, Instant at, String actorEmail) {
        String assignee = c.assignee() == null ? null : people.email(c.assignee()).map(Subscribers::key).orElse(null);
        String submitter = people.email(c.submittedBy()).orElse(null);
        for (Subscribers.Subscription s : subscribers.active(c.number())) {
            if (actorEmail != null && s.email().equalsIgnoreCase(actorEmail)) {
                continue; // they know: they did it
            }
            Set<Role> roles = people.rolesOf(s.email());
            boolean seesAll = roles.contains(Role.REVIEWER) || roles.contains(Role.POLICY_OFFICER)
                    || roles.contains(Role.ADMIN);
            if (!seesAll && !s.email().equalsIgnoreCase(c.requesterEmail()) && !s.email().equalsIgnoreCase(submitter)) {
                continue; // subscribed while they could read the case; they no longer may (a role taken away)
            }
            List<EventTexts.Line> lines = new ArrayList<>();
            for (CaseSummary.Event e : events) {
                if (!e.internal() || seesAll) {
                    lines.add(EventTexts.of(e, c, WHEN.format(e.at())));
                }
            }
            if (lines.isEmpty()) {
                continue;
            }
            String reason = s.email().equals(assignee) ? "ASSIGNEE" : s.reason();
            outbox.append(c.number(), s.email(), reason, c.solution(), s.token(), Collections.unmodifiableList(lines),
                    at, settings, domain(settings.from()));
        }
    }

    static String domain(String from) {
        int at = from.lastIndexOf('@');
        return at < 0 ? "it-assessment" : from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
    }
}
