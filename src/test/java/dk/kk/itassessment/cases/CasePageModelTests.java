package dk.kk.itassessment.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.access.Caller;
import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.support.Api;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.JsonNode;

/**
 * What the case page says in words, from the real message files: the differences a new rule set makes (as
 * Case#differences words them) with labels instead of codes, and an explanation line that names a table row as a
 * link to that row in the table view — for those who may open the table view only.
 */
class CasePageModelTests {

    static final Locale DA = Locale.forLanguageTag("da");

    final CasePageModel model = new CasePageModel(messages());

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/common", "messages/cases");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void theDifferencesOfANewRuleSetAreSentencesWithLabels() {
        Map<String, String> titles = Map.of("DPIA", "Lav en konsekvensanalyse");
        assertThat(model.difference("route FULL_ACQUISITION → FAST_TRACK_ACQUISITION", titles, DA))
                .isEqualTo("Rute: Fuld it-anskaffelse → Hurtig anskaffelse");
        assertThat(model.difference("securityReview STANDARD → EXTENDED", titles, Locale.ENGLISH))
                .startsWith("Security review: ").doesNotContain("STANDARD").doesNotContain("EXTENDED");
        assertThat(model.difference("item added DPIA", titles, DA)).isEqualTo("Nyt punkt: Lav en konsekvensanalyse");
        assertThat(model.difference("item dropped DPIA", titles, Locale.ENGLISH))
                .isEqualTo("No longer asked for: Lav en konsekvensanalyse");
        assertThat(model.difference("item DPIA DPO/ASSESSMENT/optional → DPO/ASSESSMENT/mandatory", titles, DA))
                .startsWith("Punktet Lav en konsekvensanalyse ændres: ").contains("Vurdering").contains("(valgfrit)")
                .contains("(obligatorisk)").doesNotContain("DPO/");
        assertThat(model.difference("something new", titles, DA)).isEqualTo("something new");
    }

    @Test
    void anExplanationLineOfATableRowLinksToTheRowForThoseWhoReadTheTables() {
        JsonNode assessment = Api.json().readTree("""
                {"route": "FULL_ACQUISITION", "securityReview": "STANDARD", "riskTier": "MEDIUM",
                 "dpiaRequired": false, "estimatedProcessingDays": 60, "warnings": [],
                 "ruleset": {"version": "7", "fingerprint": "sha256:x"},
                 "explanation": [
                   {"rule": "Routes_14", "source": "decision-tables/routes.drl.xlsx, sheet Routes, row 14",
                    "text": {"da": "Fuld anskaffelse.", "en": "Full acquisition."}},
                   {"rule": "Children", "source": "rules/derive/derived-facts.drl, line 17",
                    "text": {"da": "Børn.", "en": "Children."}}]}
                """);
        Caller reviewer = new Caller("r", null, Set.of(Role.REVIEWER));
        CasePageModel.Decision decision = model.decision(assessment, reviewer, Locale.ENGLISH);
        assertThat(decision.explanation().get(0).link()).isEqualTo("/rulesets/7/tables/routes#Routes-14");
        assertThat(decision.explanation().get(0).text()).isEqualTo("Full acquisition.");
        assertThat(decision.explanation().get(1).link()).isNull();
        assertThat(decision.route()).isEqualTo("Full IT acquisition");
        assertThat(decision.days()).isEqualTo("60 days");

        Caller requester = new Caller("q", null, Set.of(Role.REQUESTER));
        assertThat(model.decision(assessment, requester, DA).explanation()).allMatch(line -> line.link() == null);
    }
}
