package dk.kk.itassessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules are the top-level packages: none reaches into another's internals (only its top-level package and its
 * named interfaces), and no two depend on each other in a cycle. The module diagram (PlantUML: the whole and one per
 * module) is written to docs/modules/ and committed, so a change of the modules' dependencies shows in the diff.
 * (No module canvases: the Javadoc index they read is parsed by Boot's basic JSON parser, which fails on the quoted
 * text of this codebase's comments.)
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ItAssessmentApplication.class);

    @Test
    void theModulesAreVerified() {
        MODULES.verify();
    }

    /** The storage engine of assessments is one seam: nothing but its facade is visible outside assessment/store/. */
    @Test
    void theAssessmentStoreShowsOnlyItsFacade() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dk.kk.itassessment.assessment.store");
        assertThat(classes.stream().filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(type -> type.getEnclosingClass().isEmpty()).map(JavaClass::getSimpleName))
                .containsExactly("AssessmentStore");
    }

    @Test
    void theModuleDiagramIsWritten() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
