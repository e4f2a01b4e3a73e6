package dk.kk.itassessment.assessment;

import dk.kk.itassessment.intake.AiFeature;
import dk.kk.itassessment.intake.Category;
import dk.kk.itassessment.intake.DataCategory;
import dk.kk.itassessment.intake.DataLocation;
import dk.kk.itassessment.intake.DataSubject;
import dk.kk.itassessment.intake.InstitutionType;
import dk.kk.itassessment.intake.PurchaseChannel;
import dk.kk.itassessment.intake.Purpose;
import dk.kk.itassessment.intake.RequesterRole;
import dk.kk.itassessment.intake.SolutionKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The values each choice of the intake form offers: the request's enums, in their order (labels are the messages
 * {@code intake.choice.<field>.<VALUE>}).
 */
final class IntakeChoices {

    static final Map<String, List<String>> ALL = Map.of(
            "requester.role", names(RequesterRole.values()),
            "requester.institutionType", names(InstitutionType.values()),
            "solution.kind", names(SolutionKind.values()),
            "solution.category", names(Category.values()),
            "solution.aiFeatures", names(AiFeature.values()),
            "purpose", names(Purpose.values()),
            "cost.purchaseChannel", names(PurchaseChannel.values()),
            "personalData.subjects", names(DataSubject.values()),
            "personalData.categories", names(DataCategory.values()),
            "personalData.location", names(DataLocation.values()));

    private IntakeChoices() {
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
