package org.tanik.crypto.age;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test vectors copied into src/test/resources/vectors (see the README there for their
 * source and licence). They travel with the repository, so a missing folder or an empty one is a
 * broken checkout and fails the test: it never skips.
 */
final class TestVectors {
    private TestVectors() {
    }

    static Path ageDir() {
        return folder("vectors/age/testdata");
    }

    static Path wycheproofDir() {
        return folder("vectors/wycheproof");
    }

    /** The regular files in the age vector folder, sorted; fails if there are none. */
    static List<Path> ageFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(ageDir())) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new AssertionError("no age vectors in " + ageDir());
        }
        return files;
    }

    /** A Wycheproof file; fails if absent. */
    static Path wycheproof(String name) {
        Path p = wycheproofDir().resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("Wycheproof file missing: " + p);
        }
        return p;
    }

    private static Path folder(String resource) {
        URL url = TestVectors.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new AssertionError("test vectors missing from the test classpath: " + resource
                    + " (expected under src/test/resources)");
        }
        try {
            Path p = Path.of(url.toURI());
            if (!Files.isDirectory(p)) {
                throw new AssertionError("not a folder: " + p);
            }
            return p;
        } catch (URISyntaxException e) {
            throw new AssertionError("bad resource URL " + url, e);
        }
    }
}
