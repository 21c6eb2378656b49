package io.gbsettle.core.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.gbsettle.core.arch.fixture.LeakyKernel;
import io.gbsettle.core.arch.fixture.PureKernel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape rules of {@code core-engine}: it depends on no adapter and no command-line class, and its pure
 * packages (time, registry and every kernel) do no I/O, so that kernels stay pure functions a replay can trust.
 */
final class ArchitectureTest
{
    /** Packages that must stay free of I/O: calculations and the data they compute on. */
    static final String[] PURE_PACKAGES = {
        "io.gbsettle.core.time..",
        "io.gbsettle.core.registry..",
        "io.gbsettle.core.input..",
        "io.gbsettle.core.kernel..",
    };

    private static JavaClasses core;

    @BeforeAll
    static void importCore()
    {
        core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.gbsettle.core");
    }

    static ArchRule noIoIn(final String... packages)
    {
        return noClasses().that().resideInAnyPackage(packages)
            .should().dependOnClassesThat().resideInAnyPackage(
                "java.io..", "java.nio.file..", "java.net..", "io.gbsettle.core.files..")
            .because("kernels are pure: I/O belongs to io.gbsettle.core.files, the adapters and the tools")
            .allowEmptyShould(true);
    }

    @Test
    void coreImportsSomething()
    {
        assertTrue(core.size() > 10, "expected core-engine classes on the class path, found " + core.size());
    }

    @Test
    void coreDependsOnNoAdapterAndNoTool()
    {
        noClasses().that().resideInAPackage("io.gbsettle.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.gbsettle.adapters..", "io.gbsettle.tools..")
            .because("adapters sit at the edges and publish into the core, never the other way round")
            .check(core);
    }

    @Test
    void purePackagesDoNoIo()
    {
        noIoIn(PURE_PACKAGES).check(core);
    }

    @Test
    void corePackagesFormNoCycle()
    {
        slices().matching("io.gbsettle.core.(**)").should().beFreeOfCycles()
            .because("each package builds on the ones below it: loaders feed kernels and drivers, never the reverse")
            .check(core);
    }

    @Test
    void kernelsDependOnNoDriverOrLoader()
    {
        noClasses().that().resideInAPackage("io.gbsettle.core.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("io.gbsettle.core.settle..", "io.gbsettle.core.files..")
            .because("a kernel is called by drivers; it never calls them")
            .check(core);
    }

    @Test
    void ruleCatchesAKernelThatDoesIo()
    {
        final JavaClasses fixtures = new ClassFileImporter().importClasses(LeakyKernel.class, PureKernel.class);
        assertTrue(noIoIn("io.gbsettle.core.arch.fixture..").evaluate(fixtures).hasViolation());
        final JavaClasses pure = new ClassFileImporter().importClasses(PureKernel.class);
        assertFalse(noIoIn("io.gbsettle.core.arch.fixture..").evaluate(pure).hasViolation());
    }
}
