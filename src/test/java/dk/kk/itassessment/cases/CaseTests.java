package dk.kk.itassessment.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.kk.itassessment.platform.Conflict;
import dk.kk.itassessment.platform.Forbidden;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.NotFound;
import dk.kk.itassessment.policy.Evaluation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The aggregate's transitions and refusals, without Spring: each rule of CONTRACT.md "Cases" once. */
class CaseTests {

    static final Instant OPENED = Instant.parse("2026-11-27T10:00:00Z");
    static final Instant LATER = OPENED.plusSeconds(3600);
    static final Case.Actor REVIEWER = new Case.Actor("rita", "rita@kk.dk", true, false);
    static final Case.Actor REQUESTER = new Case.Actor("mette", "Mette.Hansen@example.dk", false, false);
    static final Case.Actor STAFF = new Case.Actor("sofie", "sofie@kk.dk", false, true);
    static final Case.Actor STRANGER = new Case.Actor("someone", "someone@kk.dk", false, false);

    static Evaluation.Item item(String code, String responsible, String phase, boolean mandatory) {
        return new Evaluation.Item(code, new Evaluation.Text(code + " (da)", code + " (en)"), responsible, phase,
                mandatory, "Checklist_" + code);
    }

    static Evaluation decision(String route, Integer days, String version, List<Evaluation.Item> items) {
        return new Evaluation(route, route.endsWith("ACQUISITION") && !route.startsWith("AWAIT"), "STANDARD", "MEDIUM",
                false, List.of(), "NONE", "NONE", days, List.of(), items, List.of(), version, "sha256:" + version,
                List.of());
    }

    static final List<Evaluation.Item> FULL = List.of(
            item("CONTACT_DIGITALISATION_OFFICE", "REQUESTER", "BEFORE_PURCHASE", true),
            item("SUBMIT_ACQUISITION_FORM", "REQUESTER", "INTAKE", true),
            item("SUBSCRIBE_TO_UPDATES", "ADMINISTRATIVE_STAFF", "INTAKE", false),
            item("REGISTER_IN_FISKK", "DIGITALISATION_OFFICE", "INTAKE", true),
            item("SECURITY_ASSESSMENT", "GROUP_IT", "ASSESSMENT", true));

    static Case open(String route, List<Evaluation.Item> items) {
        Case opened = Case.open("BUF-2026-00042", UUID.randomUUID(), OPENED, "mette",
                new Case.Requester("Mette Hansen", "mette.hansen@example.dk", "Valby Skole"),
                new Case.Solution("Book Creator", "Tools for Schools Ltd", null, "APP", "TEACHING"),
                decision(route, 60, "1", items));
        opened.stored();
        return opened;
    }

    @Test
    void aCaseOpensWithItsChecklistOpenInTheFirstPhaseAndADueDate() {
        Case opened = Case.open("BUF-2026-00042", UUID.randomUUID(), OPENED, "mette",
                new Case.Requester("Mette Hansen", "mette.hansen@example.dk", "Valby Skole"),
                new Case.Solution("Book Creator", "Tools for Schools Ltd", null, "APP", "TEACHING"),
                decision("FULL_ACQUISITION", 60, "1", FULL));

        assertThat(opened.status).isEqualTo(Case.Status.OPEN);
        assertThat(opened.items).extracting(i -> i.state).containsOnly(Case.State.OPEN);
        assertThat(opened.phase()).isEqualTo("BEFORE_PURCHASE");
        assertThat(opened.dueDate).isEqualTo(LocalDate.of(2027, 1, 26)); // the contract's example
        assertThat(opened.version).isEqualTo(1);
        assertThat(opened.changes()).extracting(Case.Change::event).containsExactly("OPENED");
        assertThat(opened.overdue(LocalDate.of(2027, 1, 26))).isFalse();
        assertThat(opened.overdue(LocalDate.of(2027, 1, 27))).isTrue();
        assertThat(Case.dueDate(OPENED, null)).isNull();
    }

    @Test
    void thePhaseIsThatOfTheFirstMandatoryItemStillOpen() {
        Case c = open("FULL_ACQUISITION", FULL);
        c.markDone("CONTACT_DIGITALISATION_OFFICE", null, REQUESTER, LATER);
        assertThat(c.phase()).isEqualTo("INTAKE");
        c.markDone("SUBMIT_ACQUISITION_FORM", null, REQUESTER, LATER);
        c.markDone("REGISTER_IN_FISKK", null, REVIEWER, LATER);
        assertThat(c.phase()).as("an optional item does not hold the phase").isEqualTo("ASSESSMENT");
        c.notApplicable("SECURITY_ASSESSMENT", "done by the supplier's ISAE 3000", REVIEWER, LATER);
        assertThat(c.phase()).isNull();
    }

    @Test
    void eachTransitionRaisesTheVersionOnceAndSaysWhatChanged() {
        Case c = open("FULL_ACQUISITION", FULL);
        c.markDone("CONTACT_DIGITALISATION_OFFICE", "called them", REQUESTER, LATER);
        assertThat(c.version).isEqualTo(2);
        assertThat(c.changedItems()).containsExactly("CONTACT_DIGITALISATION_OFFICE");
        assertThat(c.changes()).singleElement().satisfies(change -> {
            assertThat(change.event()).isEqualTo("ITEM_DONE");
            assertThat(change.actor()).isEqualTo("mette");
            assertThat(change.details()).containsEntry("item", "CONTACT_DIGITALISATION_OFFICE")
                    .containsEntry("from", "OPEN").containsEntry("note", "called them");
        });
        Case.Item done = c.item("CONTACT_DIGITALISATION_OFFICE");
        assertThat(done.updatedBy).isEqualTo("mette");
        assertThat(done.updatedAt).isEqualTo(LATER);
    }

    @Test
    void whoMayActFollowsTheItemsResponsible() {
        Case c = open("FULL_ACQUISITION", FULL);
        c.markDone("SUBMIT_ACQUISITION_FORM", null, REQUESTER, LATER);           // the requester's own item
        c.markDone("SUBSCRIBE_TO_UPDATES", null, STAFF, LATER);                  // staff for staff items
        c.markDone("REGISTER_IN_FISKK", null, REVIEWER, LATER);                  // a reviewer for any
        assertThatThrownBy(() -> c.markDone("SECURITY_ASSESSMENT", null, REQUESTER, LATER))
                .isInstanceOf(Forbidden.class).hasMessageContaining("GROUP_IT");
        assertThatThrownBy(() -> c.markDone("CONTACT_DIGITALISATION_OFFICE", null, STAFF, LATER))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> c.markDone("CONTACT_DIGITALISATION_OFFICE", null, STRANGER, LATER))
                .isInstanceOf(Forbidden.class);
        // the requester by e-mail, ignoring case, though another account submitted it
        c.markDone("CONTACT_DIGITALISATION_OFFICE", null, new Case.Actor("intake", "METTE.HANSEN@example.dk", false, false), LATER);
        assertThatThrownBy(() -> c.markDone("NO_SUCH_ITEM", null, REVIEWER, LATER)).isInstanceOf(NotFound.class);
    }

    @Test
    void aMandatoryItemIsNotApplicableOnlyWithANote() {
        Case c = open("FULL_ACQUISITION", FULL);
        assertThatThrownBy(() -> c.notApplicable("REGISTER_IN_FISKK", " ", REVIEWER, LATER))
                .isInstanceOf(InvalidRequest.class)
                .satisfies(e -> assertThat(((InvalidRequest) e).errors()).extracting(f -> f.field()).containsExactly("note"));
        assertThat(c.item("REGISTER_IN_FISKK").state).isEqualTo(Case.State.OPEN);
        assertThat(c.version).as("a refusal changes nothing").isEqualTo(1);
        c.notApplicable("SUBSCRIBE_TO_UPDATES", null, REVIEWER, LATER); // optional: no note needed
        c.notApplicable("REGISTER_IN_FISKK", "registered by the other school's case", REVIEWER, LATER);
        assertThat(c.item("REGISTER_IN_FISKK").state).isEqualTo(Case.State.NOT_APPLICABLE);
    }

    @Test
    void aReturnedItemTakesTheCaseToReturnedUntilTheRequesterAnswers() {
        Case c = open("FULL_ACQUISITION", FULL);
        assertThatThrownBy(() -> c.returnToRequester("SUBMIT_ACQUISITION_FORM", null, REVIEWER, LATER))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> c.returnToRequester("SUBMIT_ACQUISITION_FORM", "why", STAFF, LATER))
                .isInstanceOf(Forbidden.class);
        c.returnToRequester("SUBMIT_ACQUISITION_FORM", "The price is missing", REVIEWER, LATER);
        c.stored();
        assertThat(c.status).isEqualTo(Case.Status.RETURNED);
        assertThatThrownBy(() -> c.grant(null, null, REVIEWER, LATER)).isInstanceOf(Conflict.class)
                .hasMessageContaining("SUBMIT_ACQUISITION_FORM");

        c.markDone("SUBMIT_ACQUISITION_FORM", "Price added: 0 kr.", REQUESTER, LATER);
        assertThat(c.status).isEqualTo(Case.Status.OPEN);
        assertThat(c.changes()).extracting(Case.Change::event).containsExactly("ITEM_DONE", "STATUS_CHANGED");
    }

    @Test
    void theRequesterAnswersAReturnedItemWhateverItsResponsible() {
        Case c = open("FULL_ACQUISITION", FULL);
        c.returnToRequester("SECURITY_ASSESSMENT", "Which data leave the EU?", REVIEWER, LATER);
        c.reopen("SECURITY_ASSESSMENT", "None: all in Frankfurt", REQUESTER, LATER);
        assertThat(c.status).isEqualTo(Case.Status.OPEN);
        assertThat(c.item("SECURITY_ASSESSMENT").note).isEqualTo("None: all in Frankfurt");
    }

    @Test
    void grantedNeedsEveryMandatoryItemSettledAndNamesTheOpenOnes() {
        Case c = open("FULL_ACQUISITION", FULL);
        c.markDone("CONTACT_DIGITALISATION_OFFICE", null, REVIEWER, LATER);
        c.markDone("SUBMIT_ACQUISITION_FORM", null, REVIEWER, LATER);
        assertThatThrownBy(() -> c.grant(null, null, REVIEWER, LATER)).isInstanceOf(Conflict.class)
                .hasMessageContaining("REGISTER_IN_FISKK, SECURITY_ASSESSMENT")
                .hasMessageNotContaining("SUBSCRIBE_TO_UPDATES");
        c.markDone("REGISTER_IN_FISKK", null, REVIEWER, LATER);
        c.notApplicable("SECURITY_ASSESSMENT", "baseline only", REVIEWER, LATER);
        c.stored();
        c.grant(LocalDate.of(2028, 7, 31), "OK", REVIEWER, LATER);

        assertThat(c.status).isEqualTo(Case.Status.GRANTED);
        assertThat(c.outcome).isEqualTo(new Case.Outcome("GRANTED", LocalDate.of(2028, 7, 31), "OK", "rita", LATER));
        assertThat(c.endedAt).isEqualTo(LATER);
        assertThat(c.phase()).isNull();
        assertThat(c.overdue(LocalDate.of(2030, 1, 1))).as("a decided case is never overdue").isFalse();
    }

    @Test
    void aDecidedCaseDoesNotChangeAgain() {
        Case c = open("FULL_ACQUISITION", FULL);
        c.refuse("Not needed: the school has Book Creator's twin", REVIEWER, LATER);
        assertThat(c.status).isEqualTo(Case.Status.REFUSED);
        assertThatThrownBy(() -> c.markDone("SUBMIT_ACQUISITION_FORM", null, REVIEWER, LATER))
                .isInstanceOf(Conflict.class).hasMessageContaining("REFUSED");
        assertThatThrownBy(() -> c.grant(null, null, REVIEWER, LATER)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> c.withdraw(null, REQUESTER, LATER)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> c.reassess(decision("FULL_ACQUISITION", 60, "2", FULL), REVIEWER, LATER))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void aRouteThatGrantsNothingIsNotDecidedButClosesWhenItsItemsAreDone() {
        Case c = open("NOT_PERMITTED", List.of(item("DO_NOT_USE", "REQUESTER", "BEFORE_PURCHASE", true),
                item("CONSIDER_ALTERNATIVES", "REQUESTER", "BEFORE_PURCHASE", false)));
        assertThatThrownBy(() -> c.grant(null, null, REVIEWER, LATER)).isInstanceOf(Conflict.class)
                .hasMessageContaining("grants nothing");
        assertThatThrownBy(() -> c.refuse("no", REVIEWER, LATER)).isInstanceOf(Conflict.class);
        c.markDone("DO_NOT_USE", null, REQUESTER, LATER);
        assertThat(c.status).isEqualTo(Case.Status.CLOSED);
        assertThat(c.endedAt).isEqualTo(LATER);
        assertThat(c.changes()).extracting(Case.Change::event).containsExactly("ITEM_DONE", "STATUS_CHANGED");
    }

    @Test
    void usingAnExistingPermissionGrantsSomethingOnlyWithADataAgreementApproval() {
        Case plain = open("USE_EXISTING_PERMISSION", List.of(item("VERIFY_PERMISSION_IN_FISKK", "ADMINISTRATIVE_STAFF", "BEFORE_PURCHASE", true)));
        assertThat(plain.grantsSomething()).isFalse();
        plain.markDone("VERIFY_PERMISSION_IN_FISKK", null, STAFF, LATER);
        assertThat(plain.status).isEqualTo(Case.Status.CLOSED);

        Case withApproval = open("USE_EXISTING_PERMISSION", List.of(
                item("VERIFY_PERMISSION_IN_FISKK", "ADMINISTRATIVE_STAFF", "BEFORE_PURCHASE", true),
                item("REQUEST_DATA_AGREEMENT_APPROVAL", "REQUESTER", "BEFORE_USE", true)));
        assertThat(withApproval.grantsSomething()).isTrue();
        withApproval.markDone("VERIFY_PERMISSION_IN_FISKK", null, STAFF, LATER);
        withApproval.markDone("REQUEST_DATA_AGREEMENT_APPROVAL", null, REQUESTER, LATER);
        assertThat(withApproval.status).as("it waits for the decision").isEqualTo(Case.Status.OPEN);
        withApproval.grant(null, null, REVIEWER, LATER);
        assertThat(withApproval.status).isEqualTo(Case.Status.GRANTED);
    }

    @Test
    void theRequesterOrAReviewerWithdraws() {
        Case c = open("FULL_ACQUISITION", FULL);
        assertThatThrownBy(() -> c.withdraw(null, STRANGER, LATER)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> c.withdraw(null, STAFF, LATER)).isInstanceOf(Forbidden.class);
        c.withdraw("We bought nothing after all", REQUESTER, LATER);
        assertThat(c.status).isEqualTo(Case.Status.WITHDRAWN);
        assertThat(c.outcome).isNull();
        Case other = open("FULL_ACQUISITION", FULL);
        other.withdraw(null, REVIEWER, LATER);
        assertThat(other.status).isEqualTo(Case.Status.WITHDRAWN);
    }

    @Test
    void theDifferencesOfANewDecisionAreNamed() {
        Case c = open("FULL_ACQUISITION", FULL);
        assertThat(c.differences(decision("FULL_ACQUISITION", 60, "2", FULL))).isEmpty();
        List<Evaluation.Item> changed = List.of(FULL.get(0), FULL.get(1), FULL.get(3),
                item("SECURITY_ASSESSMENT", "GROUP_IT", "ASSESSMENT", false), item("DPIA", "DPO", "DESCRIPTION", true));
        assertThat(c.differences(decision("FAST_TRACK_ACQUISITION", 30, "2", changed))).containsExactly(
                "route FULL_ACQUISITION → FAST_TRACK_ACQUISITION",
                "item SECURITY_ASSESSMENT GROUP_IT/ASSESSMENT/mandatory → GROUP_IT/ASSESSMENT/optional",
                "item added DPIA",
                "item dropped SUBSCRIBE_TO_UPDATES");
        assertThat(c.policyEvaluated("2", List.of("item added DPIA"), LATER)).isTrue();
        assertThat(c.policyChanged).isTrue();
        assertThat(c.policyEvaluated("3", List.of(), LATER)).as("back as it was").isTrue();
        assertThat(c.policyChanged).isFalse();
        assertThat(c.policyEvaluated("3", List.of(), LATER)).as("nothing to tell").isFalse();
    }

    @Test
    void reassessingAddsNewItemsOpenDropsOldOnesWithANoteAndKeepsDoneOnes() {
        Case c = open("FULL_ACQUISITION", FULL);
        c.markDone("CONTACT_DIGITALISATION_OFFICE", null, REQUESTER, LATER);
        c.markDone("SUBMIT_ACQUISITION_FORM", null, REQUESTER, LATER);
        c.policyEvaluated("7", List.of("x"), LATER);
        c.stored();
        // version 7 asks no longer for SUBMIT_ACQUISITION_FORM (done: stays done) nor REGISTER_IN_FISKK (open: n/a),
        // and newly for DPIA
        Evaluation now = decision("FULL_ACQUISITION", 90, "7", List.of(FULL.get(0), FULL.get(2), FULL.get(4),
                item("DPIA", "DPO", "DESCRIPTION", true)));
        c.reassess(now, REVIEWER, LATER);

        assertThat(c.items).extracting(i -> i.code).containsExactly("CONTACT_DIGITALISATION_OFFICE",
                "SUBSCRIBE_TO_UPDATES", "SECURITY_ASSESSMENT", "DPIA", "SUBMIT_ACQUISITION_FORM", "REGISTER_IN_FISKK");
        assertThat(c.item("DPIA").state).isEqualTo(Case.State.OPEN);
        assertThat(c.item("CONTACT_DIGITALISATION_OFFICE").state).isEqualTo(Case.State.DONE);
        assertThat(c.item("SUBMIT_ACQUISITION_FORM").state).isEqualTo(Case.State.DONE);
        assertThat(c.item("REGISTER_IN_FISKK").state).isEqualTo(Case.State.NOT_APPLICABLE);
        assertThat(c.item("REGISTER_IN_FISKK").note).contains("version 7");
        assertThat(c.policyChanged).isFalse();
        assertThat(c.rulesetVersion).isEqualTo("7");
        assertThat(c.dueDate).isEqualTo(LocalDate.of(2027, 2, 25));
        assertThat(c.changes()).extracting(Case.Change::event).containsExactly("REASSESSED");
        assertThat(c.changes().get(0).details()).containsEntry("added", List.of("DPIA"))
                .containsEntry("notApplicable", List.of("REGISTER_IN_FISKK"));
        assertThat(c.differences(now)).as("the case now follows version 7").isEmpty();
    }
}
