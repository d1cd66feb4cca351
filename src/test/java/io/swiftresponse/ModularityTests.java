package io.swiftresponse;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries are verified on every build, and the module diagram in docs/ is regenerated. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(SwiftResponseApplication.class,
            ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);

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
