package io.gbsettle.core.time;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class TimePackageIsPureTest
{
    @Test
    void timeDoesNoIo()
    {
        final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.gbsettle.core.time");
        noClasses().that().resideInAPackage("io.gbsettle.core.time..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..")
            .orShould().dependOnClassesThat().resideInAPackage("io.gbsettle.core.files..")
            .check(classes);
    }
}
