package org.tanik.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxToolkit;

/**
 * Proof that a run of the GUI flows really ran on an installed image's runtime (issue 19), so that
 * {@code packaging/image-testfx.sh} cannot pass on the wrong JVM or toolkit: this JVM is the runtime
 * named by {@code tanik.test.imageRuntime} (an image's {@code lib/runtime}), JavaFX comes from that
 * runtime's linked modules rather than from the test class path, and the toolkit is GTK on a real X
 * display, as the installed app runs, not Monocle.
 * Ordinary test runs skip it.
 */
@EnabledIfSystemProperty(named = "tanik.test.imageRuntime", matches = ".+")
class ImageRuntimeTest {

    @Test
    void theFlowsRunOnTheImagesRuntimeWithItsJavaFxAndGtk() throws Exception {
        Path runtime = Path.of(System.getProperty("tanik.test.imageRuntime")).toRealPath();
        assertThat(Path.of(System.getProperty("java.home")).toRealPath()).isEqualTo(runtime);

        Properties release = new Properties();
        try (var in = Files.newInputStream(runtime.resolve("release"))) {
            release.load(in);
        }
        assertThat(release.getProperty("JAVA_VERSION")).isEqualTo('"' + Runtime.version().toString()
                .replaceFirst("\\+.*", "") + '"');
        assertThat(release.getProperty("MODULES")).contains("javafx.graphics");

        // Linked into the runtime: a module of the boot layer read from its jimage (jrt:), which hides
        // the JavaFX jars that are also on the test class path.
        Module fx = Stage.class.getModule();
        assertThat(fx.getName()).isEqualTo("javafx.graphics");
        ModuleReference ref = ModuleLayer.boot().configuration().findModule("javafx.graphics").orElseThrow().reference();
        assertThat(ref.location()).hasValueSatisfying(uri -> assertThat(uri.getScheme()).isEqualTo("jrt"));

        FxToolkit.registerPrimaryStage();
        Object glass = Class.forName("com.sun.glass.ui.Application").getMethod("GetApplication").invoke(null);
        assertThat(glass.getClass().getName()).isEqualTo("com.sun.glass.ui.gtk.GtkApplication");
    }
}
