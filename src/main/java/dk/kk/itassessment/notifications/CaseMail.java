package dk.kk.itassessment.notifications;

import dk.kk.itassessment.access.People;
import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.cases.CaseChanged;
import dk.kk.itassessment.cases.CaseDirectory;
import dk.kk.itassessment.cases.CaseSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Writes the mails of a case's change to the outbox, in the change's own transaction (a {@link CaseChanged}
 * listener: if the outbox cannot be written, the change does not happen; if the change rolls back, so do its mails).
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
    private final Environment environment;

    CaseMail(CaseDirectory cases, Subscribers subscribers, Outbox outbox, People people, Environment environment) {
        this.cases = cases;
        this.subscribers = subscribers;
        this.outbox = outbox;
        this.people = people;
        this.environment = environment;
    }

    @EventListener
    void on(CaseChanged changed) {
        CaseSummary c = cases.find(changed.number()).orElse(null);
        if (c == null || changed.events().isEmpty()) {
            return;
        }
        List<CaseSummary.Event> events = cases.latest(c.number(), changed.events().size());
        boolean opened = changed.events().contains("OPENED");
        if (opened) {
            subscribers.subscribeOnce(c.number(), c.requesterEmail(), "REQUESTER", changed.at());
        }
        for (CaseSummary.Event e : events) {
            if (e.event().equals("ASSIGNED") && e.details().get("to") != null) {
                people.email(String.valueOf(e.details().get("to")))
                        .ifPresent(email -> subscribers.subscribe(c.number(), email, "ASSIGNEE", changed.at()));
            }
        }
        Optional<String> actor = opened ? Optional.empty() : people.email(changed.actor());
        tell(c, events, changed.at(), actor.orElse(null), opened);
    }

    /**
     * Appends {@code events} to the batch of each subscriber of the case: all but the actor (unless the event is
     * the opening and the subscriber the requester), internal ones only to those who may see them.
     */
    void tell(CaseSummary c, List<CaseSummary.Event> events, Instant at, String actorEmail, boolean receipt) {
        MailSettings settings = MailSettings.of(environment);
        String assignee = c.assignee() == null ? null : people.email(c.assignee()).map(Subscribers::key).orElse(null);
        String submitter = people.email(c.submittedBy()).orElse(null);
        for (Subscribers.Subscription s : subscribers.active(c.number())) {
            boolean requesterReceipt = receipt && s.reason().equals("REQUESTER");
            if (!requesterReceipt && actorEmail != null && s.email().equalsIgnoreCase(actorEmail)) {
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
