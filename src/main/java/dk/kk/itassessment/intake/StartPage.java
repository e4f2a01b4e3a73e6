package dk.kk.itassessment.intake;

import dk.kk.itassessment.platform.PageController;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what an IT acquisition is and why, and the way into the form; the accessibility statement. */
@PageController
class StartPage {

    @GetMapping("/")
    String start() {
        return "intake/start";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "intake/accessibility";
    }
}
