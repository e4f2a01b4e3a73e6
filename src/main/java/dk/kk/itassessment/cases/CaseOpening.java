package dk.kk.itassessment.cases;

import dk.kk.itassessment.assessment.AssessmentStored;
import dk.kk.itassessment.intake.AssessmentRequest;
import dk.kk.itassessment.registry.Names;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens the case of a stored assessment, in the transaction that stores it (the assessment store's writer thread,
 * so the actor is the event's submitter, never the thread's request): the assessment and its case commit together.
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
    void open(AssessmentStored stored) {
        AssessmentRequest request = stored.request();
        AssessmentRequest.Solution solution = request.solution();
        Case opened = Case.open(stored.caseNumber(), stored.assessmentId(), stored.storedAt(), stored.submitter(),
                new Case.Requester(request.requester().name(), request.requester().email(),
                        request.requester().institution()),
                new Case.Solution(solution.name(), solution.supplierName(), solution.supplierCvr(),
                        solution.kind().name(), solution.category().name()),
                stored.evaluation());
        cases.insert(opened, Names.normalise(request.requester().institution()));
        events.publishEvent(new CaseChanged(opened.number, opened.version, stored.submitter(), stored.storedAt(),
                java.util.List.of("OPENED"), false));
    }
}
