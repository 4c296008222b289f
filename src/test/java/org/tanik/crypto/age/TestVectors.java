package org.tanik.crypto.age;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the shared vector folder: system property tanik.vectors, else ../shared/vectors. */
final class TestVectors {
    private TestVectors() {
    }

    static Path root() {
        return Paths.get(System.getProperty("tanik.vectors", "../shared/vectors"));
    }

    static Path ageDir() {
        return root().resolve("age").resolve("testdata");
    }

    static Path wycheproofDir() {
        return root().resolve("wycheproof");
    }

    static boolean present(Path p) {
        return Files.isDirectory(p) || Files.isRegularFile(p);
    }
}
