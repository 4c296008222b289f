package org.tanik.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Portable mode (issue 17): chosen by the flag or the marker file, and everything it moves stays on the stick. */
class PortableModeTest {

    @TempDir
    Path stick;

    /** The Linux app image as unpacked on a stick: {@code <stick>/tanik/bin/tanik}. */
    Path launcher() throws Exception {
        Path bin = Files.createDirectories(stick.resolve("tanik").resolve("bin"));
        return Files.writeString(bin.resolve("tanik"), "");
    }

    @Test
    void theFlagPutsTheDataBesideTheAppImageAndIsNotPassedOn() throws Exception {
        PortableMode.Start start = PortableMode.decide(new String[] {"--portable", "vault", "init"}, launcher());
        assertThat(start.portable()).isTrue();
        assertThat(start.home()).isEqualTo(stick.resolve("Tanik-data"));
        assertThat(start.args()).containsExactly("vault", "init");
        assertThat(PortableMode.decide(new String[] {"--portable"}, launcher()).args()).isEmpty();
    }

    @Test
    void theMarkerFileBesideTheLauncherIsEnough() throws Exception {
        Path launcher = launcher();
        assertThat(PortableMode.decide(new String[0], launcher).portable()).isFalse();
        Files.writeString(launcher.resolveSibling("tanik-portable"), "");
        PortableMode.Start start = PortableMode.decide(new String[0], launcher);
        assertThat(start.home()).isEqualTo(stick.resolve("Tanik-data"));
        assertThat(start.args()).isEmpty();
    }

    @Test
    void onlyALeadingFlagIsTheLaunchersOwn() throws Exception {
        PortableMode.Start start = PortableMode.decide(new String[] {"testimony", "show", "--portable"}, launcher());
        assertThat(start.portable()).isFalse();
        assertThat(start.args()).containsExactly("testimony", "show", "--portable");
        assertThat(PortableMode.decide(new String[] {"vault", "init"}, null).portable()).isFalse();
    }

    @Test
    void theProgramIsTheAppImageTheBundleOrTheJar() {
        Path root = stick.toAbsolutePath();
        assertThat(PortableMode.program(root.resolve("tanik/bin/tanik"))).isEqualTo(root.resolve("tanik"));
        assertThat(PortableMode.program(root.resolve("Tanik.app/Contents/MacOS/tanik"))).isEqualTo(root.resolve("Tanik.app"));
        assertThat(PortableMode.program(root.resolve("tanik/tanik.exe"))).isEqualTo(root.resolve("tanik"));
        assertThat(PortableMode.program(root.resolve("tanik.jar"))).isEqualTo(root.resolve("tanik.jar"));
        assertThat(PortableMode.program(root.resolve("bin/tanik.jar"))).isEqualTo(root.resolve("bin/tanik.jar"));
        PortableMode.Start jar = PortableMode.decide(new String[] {"--portable"}, root.resolve("tanik.jar"));
        assertThat(jar.home()).isEqualTo(root.resolve("Tanik-data"));
    }

    @Test
    void everyFolderTheJvmJavaFxAndNativeLibrariesWriteToIsOnTheStick() {
        Path home = stick.resolve("Tanik-data");
        Map<String, String> properties = PortableMode.properties(home);
        assertThat(properties).containsKeys("tanik.home", "java.io.tmpdir", "javafx.cachedir",
                "java.util.prefs.userRoot", "java.util.prefs.systemRoot");
        properties.forEach((k, v) -> {
            if (!k.equals("prism.order")) {
                assertThat(Path.of(v)).as(k).startsWithRaw(home);
            }
        });
        assertThat(properties).containsEntry("prism.order", "sw"); // no OpenGL: no Mesa shader cache
        Map<String, String> env = PortableMode.environment(home);
        assertThat(env).containsEntry("GSETTINGS_BACKEND", "memory").containsEntry("MESA_SHADER_CACHE_DISABLE", "true")
                .doesNotContainKey("XDG_RUNTIME_DIR");
        for (String k : new String[] {"XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "TMPDIR"}) {
            assertThat(Path.of(env.get(k))).as(k).startsWithRaw(home);
        }
    }

    @Test
    void eachProcessHasItsOwnTempFolderAndThoseOfEndedProcessesGo() throws Exception {
        Path tmp = Files.createDirectories(stick.resolve("Tanik-data").resolve("tmp"));
        long running = ProcessHandle.current().parent().orElseThrow().pid(); // Maven's, running the tests
        Path other = Files.createDirectories(tmp.resolve(Long.toString(running)));
        Files.writeString(other.resolve("in-use"), "x");
        Path ended = Files.createDirectories(tmp.resolve("999999999")); // no such process
        Files.writeString(ended.resolve("left-by-a-crash"), "x");
        Path stray = Files.writeString(tmp.resolve("stray.tmp"), "x");

        Path own = PortableMode.processTemp(tmp);

        assertThat(own).isEqualTo(tmp.resolve(Long.toString(ProcessHandle.current().pid()))).isDirectory();
        assertThat(other.resolve("in-use")).exists();
        assertThat(ended).doesNotExist();
        assertThat(stray).doesNotExist();
    }

    @Test
    void appDirectoriesFollowThePortableHome() {
        Path home = stick.resolve("Tanik-data");
        String override = PortableMode.properties(home).get("tanik.home");
        AppDirectories dirs = AppDirectories.fromEnvironment(Map.of(), "Linux", "/home/someone", override);
        assertThat(dirs.vault()).isEqualTo(home.resolve("vault"));
        assertThat(dirs.settingsFile()).startsWithRaw(home);
        assertThat(dirs.openCopies()).startsWithRaw(home);
    }

    @Test
    void aDataFolderThatCannotBeWrittenIsSaidPlainly() throws Exception {
        // A file where the folder should be: as unwritable as a read-only stick, even for root.
        Path data = Files.writeString(stick.resolve("Tanik-data"), "not a folder");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PortableMode.processTemp(data.resolve("tmp")))
                .isInstanceOfSatisfying(org.tanik.error.TanikException.class, e -> {
                    assertThat(e.problem()).isEqualTo(org.tanik.error.Problem.PORTABLE_FOLDER_UNWRITABLE);
                    assertThat(new org.tanik.i18n.Messages(java.util.Locale.ENGLISH).describe(e))
                            .contains(data.toString(), "cannot be written");
                });
    }
}
