package io.swiftresponse;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries are verified on every build, and the module diagram in docs/ is regenerated. */
class ModularityTests {

    /** Test classes are not modules, whatever the build folder is called ({@code -Dbuild.dir=target-x} for parallel builds). */
    private static final DescribedPredicate<JavaClass> TEST_CLASSES = DescribedPredicate.describe("test classes",
            c -> c.getSource().map(s -> s.getUri().toString().contains("/test-classes/")).orElse(false));

    private final ApplicationModules modules = ApplicationModules.of(SwiftResponseApplication.class, TEST_CLASSES);

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
