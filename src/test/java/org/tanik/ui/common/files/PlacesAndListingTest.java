package org.tanik.ui.common.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlacesAndListingTest {

    @TempDir
    Path dir;

    @Test
    void removableDrivesAreFoundWhereEachSystemMountsThem() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home/ayse"));
        Files.createDirectories(dir.resolve("media/ayse/KINGSTON"));
        Files.createDirectories(dir.resolve("run/media/ayse/USB DISK"));
        Files.createDirectories(dir.resolve("media/someone-else/THEIRS"));
        Files.createDirectories(dir.resolve("Volumes/SANDISK"));

        List<Places.Place> places = Places.find(home, "ayse",
                List.of(dir.resolve("media"), dir.resolve("run/media"), dir.resolve("Volumes"), dir.resolve("absent")),
                List.of(Path.of("/")));

        assertThat(places).extracting(Places.Place::name).containsExactly("ayse", "KINGSTON", "USB DISK", "SANDISK");
        assertThat(places).extracting(Places.Place::drive).containsExactly(false, true, true, true);
    }

    @Test
    void everyDriveLetterIsAPlaceWhereThereAreSeveralRoots() {
        List<Places.Place> places = Places.find(dir, "u", List.of(), List.of(dir.resolve("C"), dir.resolve("E")));
        assertThat(places).extracting(Places.Place::path).containsExactly(dir, dir.resolve("C"), dir.resolve("E"));
    }

    @Test
    void foldersComeFirstThenMatchingFilesByNameIgnoringCase() throws IOException {
        Files.createDirectories(dir.resolve("zeta"));
        Files.createDirectories(dir.resolve("Alpha"));
        Files.createDirectories(dir.resolve(".config"));
        Files.writeString(dir.resolve("b.TANIK"), "x");
        Files.writeString(dir.resolve("a.tanik"), "x");
        Files.writeString(dir.resolve("notes.txt"), "x");
        Files.writeString(dir.resolve(".hidden.tanik"), "x");

        assertThat(FolderListing.list(dir, List.of("*.tanik"))).extracting(FolderListing.Entry::name)
                .containsExactly("Alpha", "zeta", "a.tanik", "b.TANIK");
        assertThat(FolderListing.list(dir, List.of())).extracting(FolderListing.Entry::name)
                .containsExactly("Alpha", "zeta", "a.tanik", "b.TANIK", "notes.txt");
    }

    @Test
    void aMissingFolderIsAnErrorNotAnEmptyList() {
        assertThatThrownBy(() -> FolderListing.list(dir.resolve("gone"), List.of())).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void patternsMatchTheEndOfTheName() {
        assertThat(FolderListing.matches("x.tanik", List.of("*.tanik"))).isTrue();
        assertThat(FolderListing.matches("x.tanik.txt", List.of("*.tanik"))).isFalse();
        assertThat(FolderListing.matches("anything", List.of("*"))).isTrue();
        assertThat(FolderListing.matches("anything", List.of())).isTrue();
    }

    @Test
    void sizesReadAsPeopleReadThem() {
        assertThat(Sizes.format(812, Locale.ENGLISH)).isEqualTo("812 B");
        assertThat(Sizes.format(4_200_000, Locale.ENGLISH)).isEqualTo("4.2 MB");
        assertThat(Sizes.format(4_200_000, Locale.forLanguageTag("tr"))).isEqualTo("4,2 MB");
    }
}
