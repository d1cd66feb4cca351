package io.swiftresponse;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries are verified on every build, and the module diagram in docs/ is regenerated. */
class ModularityTests {

    /** Test classes are not modules, whatever the build folder is called ({@code -Dbuild.dir=target-x} for parallel builds). */
    private static final ImportOption NO_TEST_CLASSES = location -> !location.contains("/test-classes/")
            && ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location);

    private final ApplicationModules modules = ApplicationModules.of(SwiftResponseApplication.class, NO_TEST_CLASSES);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
