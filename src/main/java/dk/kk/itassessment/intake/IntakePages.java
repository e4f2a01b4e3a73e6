package dk.kk.itassessment.intake;

import dk.kk.itassessment.platform.PageController;
import org.springframework.web.bind.annotation.GetMapping;

/** The intake form: the request as a guided form, with a live preview of what will happen. */
@PageController
class IntakePages {

    @GetMapping("/intake")
    String form() {
        return "intake/form";
    }
}
