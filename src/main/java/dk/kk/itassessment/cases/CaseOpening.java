package dk.kk.itassessment.cases;

import dk.kk.itassessment.assessment.AssessmentStored;
import dk.kk.itassessment.assessment.AssessmentsStored;
import dk.kk.itassessment.intake.AssessmentRequest;
import dk.kk.itassessment.registry.Names;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens the cases of stored assessments, in the transaction that stores them (the assessment store's writer thread,
 * so each case's actor is its event's submitter, never the thread's request): the assessments and their cases commit
 * together. All the cases of one group commit are written together (three statements, however many), and announced
 * together ({@link CasesOpened}): the writer's thread stores for every request, so what it does per row is what
 * limits how many assessments are stored per second (bench/README.md, "cases on the writer's thread").
 */
@Component
class CaseOpening {

    private final Cases cases;
    private final ApplicationEventPublisher events;

    CaseOpening(Cases cases, ApplicationEventPublisher events) {
        this.cases = cases;
        this.events = events;
    }

    @EventListener
    void open(AssessmentsStored stored) {
        List<Cases.NewCase> opened = new ArrayList<>();
        List<CasesOpened.Opening> openings = new ArrayList<>();
        for (AssessmentStored one : stored.assessments()) {
            AssessmentRequest request = one.request();
            AssessmentRequest.Solution solution = request.solution();
            Case c = Case.open(one.caseNumber(), one.assessmentId(), one.storedAt(), one.submitter(),
                    new Case.Requester(request.requester().name(), request.requester().email(),
                            request.requester().institution()),
                    new Case.Solution(solution.name(), solution.supplierName(), solution.supplierCvr(),
                            solution.kind().name(), solution.category().name()),
                    one.evaluation());
            Case.Change change = c.changes().get(0);
            openings.add(new CasesOpened.Opening(CaseSummary.of(c),
                    new CaseSummary.Event(change.at(), change.actor(), change.event(), change.details(), false)));
            opened.add(new Cases.NewCase(c, Names.normalise(request.requester().institution()),
                    one.evaluation().checklist()));
        }
        cases.insert(opened);
        events.publishEvent(new CasesOpened(openings));
    }
}
