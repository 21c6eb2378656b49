package io.gbsettle.core.registry;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class RegistryPurityTest
{
    @Test
    void registryIsPureAndDoesNotKnowItsLoader()
    {
        final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gbsettle.core.registry");

        noClasses().that().resideInAPackage("io.gbsettle.core.registry..")
            .should().dependOnClassesThat().resideInAnyPackage(
                "java.io..", "java.nio.file..", "java.net..", "io.gbsettle.core.files..")
            .check(classes);
    }
}
