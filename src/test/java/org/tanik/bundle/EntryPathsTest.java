package org.tanik.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EntryPaths' checks are written out by hand for speed; the regexes they replaced remain here as
 * their specification, and every name tried must get the same answer from both.
 */
class EntryPathsTest {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern RECORD = Pattern.compile(
            "records/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/v([1-9][0-9]{0,8})\\.json");
    private static final String ID = "0f8e2c4a-1b3d-4e5f-9a7b-6c5d4e3f2a10";

    static boolean safeBySpec(String path) {
        if (path == null || path.isEmpty() || path.length() > EntryPaths.MAX_LENGTH) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    static boolean recordBySpec(String path) {
        return path != null && RECORD.matcher(path).matches();
    }

    private static void sameAsSpec(String path) {
        assertThat(EntryPaths.isSafe(path)).as("isSafe(%s)", path).isEqualTo(safeBySpec(path));
        assertThat(EntryPaths.isRecord(path)).as("isRecord(%s)", path).isEqualTo(recordBySpec(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "//", ".", "..", "...", "a", ".a", "a.", "..a", "a..", "a/.", "a/..", "./a",
            "../a", "a//b", "/a", "a/", "a/b/c", "a\\b", "a b", "a\u0000b", "ä", "records/", "attachments/x.pdf",
            "records/" + ID + "/v1.json", "records/" + ID + "/v0.json", "records/" + ID + "/v01.json",
            "records/" + ID + "/v123456789.json", "records/" + ID + "/v1234567890.json", "records/" + ID + "/v.json",
            "records/" + ID + "/v1.jso", "records/" + ID + "/v1.jsonx", "records/" + ID + "/v1/x.json",
            "records/" + ID + "/w1.json", "records/" + ID + "v1.json", "records/" + ID + "//v1.json",
            "records/0F8E2C4A-1B3D-4E5F-9A7B-6C5D4E3F2A10/v1.json", "records/0f8e2c4a-1b3d-4e5f-9a7b-6c5d4e3f2a1/v1.json",
            "records/0f8e2c4a1b3d-4e5f-9a7b-6c5d4e3f2a10-/v1.json", "Records/" + ID + "/v1.json",
            "records/" + ID + "/v1\u0661.json", "records/" + ID + "/v\uff11.json"})
    void handWrittenChecksAgreeWithTheRegexesOn(String path) {
        sameAsSpec(path);
    }

    @Property(tries = 3000)
    void handWrittenChecksAgreeWithTheRegexes(@ForAll("names") String path) {
        sameAsSpec(path);
    }

    @Property(tries = 300)
    void aLongNameIsRefused(@ForAll("segments") String segment) {
        String path = (segment + "/").repeat(EntryPaths.MAX_LENGTH / (segment.length() + 1) + 1) + segment;
        sameAsSpec(path);
        assertThat(EntryPaths.isSafe(path)).isFalse();
    }

    /** Names near the valid ones: record paths with one character changed, and paths built from risky pieces. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> pieces = Arbitraries.of("records/", "attachments/", ID, "/", "v", "1", "0", "9", ".json", ".",
                "..", "a", "Z", "-", "_", "\\", " ", "\u0000", "é", "\u0661", "f", "g");
        Arbitrary<String> built = pieces.list().ofMaxSize(8).map(l -> String.join("", l));
        Arbitrary<String> mutated = Combinators.combine(
                Arbitraries.of("records/" + ID + "/v1.json", "records/" + ID + "/v987654321.json", "attachments/a.pdf"),
                Arbitraries.integers().between(0, 60), Arbitraries.chars().ascii().with('\u0661', 'é', '\uff10'),
                Arbitraries.of(List.of(0, 1, 2))).as((base, at, c, how) -> mutate(base, at, c, how));
        return Arbitraries.oneOf(built, mutated, Arbitraries.strings().ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> segments() {
        return Arbitraries.strings().withChars("ab.").ofMinLength(1).ofMaxLength(5);
    }

    /** Replaces, inserts or deletes one character. */
    private static String mutate(String base, int at, char c, int how) {
        int i = Math.min(at, base.length() - 1);
        return switch (how) {
            case 0 -> base.substring(0, i) + c + base.substring(i + 1);
            case 1 -> base.substring(0, i) + c + base.substring(i);
            default -> base.substring(0, i) + base.substring(i + 1);
        };
    }
}
