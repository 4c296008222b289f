package org.tanik.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core stays free of JavaFX and of upward dependencies, so it can run headless and be tested alone. */
@AnalyzeClasses(packages = "org.tanik", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses().that().resideOutsideOfPackage("org.tanik.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "com.sun.javafx..")
            .because("only org.tanik.ui may use JavaFX");

    @ArchTest
    static final ArchRule coreDoesNotUseUiOrCli = noClasses()
            .that().resideInAnyPackage("org.tanik.model..", "org.tanik.crypto..", "org.tanik.store..",
                    "org.tanik.bundle..", "org.tanik.coordinator..", "org.tanik.volunteer..", "org.tanik.i18n..", "org.tanik.enrolment..", "org.tanik.config..",
                    "org.tanik.error..")
            .should().dependOnClassesThat().resideInAnyPackage("org.tanik.ui..", "org.tanik.cli..");

    @ArchTest
    static final ArchRule modelIsPlain = noClasses().that().resideInAPackage("org.tanik.model..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..", "org.bouncycastle..",
                    "javax.crypto..", "org.tanik.store..", "org.tanik.crypto..", "org.tanik.bundle..");
}
