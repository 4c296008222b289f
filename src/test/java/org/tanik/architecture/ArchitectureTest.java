package org.tanik.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The layers, as one rule: faces (desktop, command line) call use cases; use cases call the core
 * (stores, formats, crypto); nothing calls upward. The core stays free of JavaFX so it runs headless.
 */
@AnalyzeClasses(packages = "org.tanik", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static LayeredArchitecture layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Composition").definedBy("org.tanik")
                .layer("Faces").definedBy("org.tanik.ui..", "org.tanik.cli..")
                .layer("UseCases").definedBy("org.tanik.volunteer..", "org.tanik.coordinator..", "org.tanik.session..",
                        "org.tanik.intake..")
                .layer("Contracts").definedBy("org.tanik.model..", "org.tanik.i18n..", "org.tanik.error..",
                        "org.tanik.config..", "org.tanik.work..", "org.tanik.files..", "org.tanik.audio..")
                .layer("Core").definedBy("org.tanik.store..", "org.tanik.crypto..", "org.tanik.bundle..",
                        "org.tanik.enrolment..", "org.tanik.sync..")
                // The faces are handed the services built at start-up (AppServices), and nothing else is.
                .whereLayer("Composition").mayOnlyBeAccessedByLayers("Faces")
                .whereLayer("Faces").mayOnlyBeAccessedByLayers("Composition")
                .whereLayer("UseCases").mayOnlyBeAccessedByLayers("Composition", "Faces")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Composition", "UseCases")
                .whereLayer("Contracts").mayOnlyBeAccessedByLayers("Composition", "Faces", "UseCases", "Core");
    }

    @ArchTest
    static final ArchRule facesCallUseCasesWhichCallTheCore = layers();

    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses().that().resideOutsideOfPackage("org.tanik.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "com.sun.javafx..")
            .because("only org.tanik.ui may use JavaFX");

    @ArchTest
    static final ArchRule theCommandLineAndTheDesktopDoNotUseEachOther = noClasses()
            .that().resideInAPackage("org.tanik.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.tanik.ui..");

    @ArchTest
    static final ArchRule oneDateFormatInTheDesktop = noClasses().that().resideInAPackage("org.tanik.ui..")
            .and().doNotHaveFullyQualifiedName("org.tanik.ui.common.Dates")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.time.format.DateTimeFormatter")
            .because("every date and time on screen is written by ui.common.Dates, one format per language");

    @ArchTest
    static final ArchRule modelIsPlain = noClasses().that().resideInAPackage("org.tanik.model..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..", "org.bouncycastle..",
                    "javax.crypto..", "org.tanik.store..", "org.tanik.crypto..");

    @ArchTest
    static final ArchRule facesDoNotReachTheStoreThroughAnOpenVault = noClasses()
            .that().resideInAnyPackage("org.tanik.ui..", "org.tanik.cli..")
            .should().callMethod(org.tanik.session.OpenVault.class, "store")
            .because("OpenVault.store() is for the use cases built on it");

    /**
     * The system's file windows record every chosen file in the desktop's recent-files lists; the
     * app uses its own (ui.common.files.FileWindow). Security.md, "Traces outside the vault".
     */
    @ArchTest
    static final ArchRule noSystemFileWindows = noSystemFileWindows();

    static ArchRule noSystemFileWindows() {
        return noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("javafx.stage.FileChooser")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.stage.DirectoryChooser")
            .because("the system's file windows leave the chosen paths in recent-files lists");
    }

    /** The rule is not empty: a screen that opens the system's file window is refused. */
    @Test
    void aSystemFileWindowIsRefused() {
        JavaClasses classes = new ClassFileImporter().importClasses(org.tanik.cli.layering.SystemFileWindow.class);
        assertThatThrownBy(() -> noSystemFileWindows().check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("SystemFileWindow").hasMessageContaining("javafx.stage.FileChooser");
    }

    /** The rule is not empty: a face that opens the store itself is refused. */
    @Test
    void aFaceThatUsesTheStoreDirectlyIsRefused() {
        JavaClasses classes = new ClassFileImporter().importClasses(
                org.tanik.cli.layering.FaceThatOpensTheStore.class, org.tanik.store.Vaults.class);
        assertThatThrownBy(() -> layers().check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("FaceThatOpensTheStore").hasMessageContaining("org.tanik.store.Vaults");
    }

    /** ...and a core class that calls a use case is refused too. */
    @Test
    void theCoreCallingAUseCaseIsRefused() {
        JavaClasses classes = new ClassFileImporter().importClasses(
                org.tanik.store.layering.StoreThatCallsADesk.class, org.tanik.session.VaultAccess.class);
        assertThatThrownBy(() -> layers().check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("StoreThatCallsADesk");
    }
}
