package org.tanik.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The digit reader of canonical instants must answer exactly as the rule itself (parse, re-print, compare). */
class CanonicalInstantTest {
    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    private static Instant randomInstant(Random random) {
        long seconds = random.nextInt(10) == 0 ? random.nextLong() % (YEAR_10000 * 3)
                : YEAR_0 + Math.floorMod(random.nextLong(), YEAR_10000 - YEAR_0);
        int nano = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(seconds, nano);
    }

    @Property(tries = 3000)
    void canonicalSpellingsAndEditsOfThem(@ForAll long seed) {
        Random random = new Random(seed);
        Instant t = randomInstant(random);
        String s = t.toString();
        assertThat(CanonicalInstant.parse(s)).as(s).isEqualTo(t).isEqualTo(CanonicalInstant.byFormatter(s));
        StringBuilder edited = new StringBuilder(s);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(edited.length());
            char c = "0123456789-:.TZz+ 5900".charAt(random.nextInt(22));
            switch (random.nextInt(3)) {
                case 0 -> edited.setCharAt(at, c);
                case 1 -> edited.insert(at, c);
                default -> edited.deleteCharAt(at);
            }
            if (edited.length() == 0) {
                edited.append(c);
            }
        }
        String e = edited.toString();
        assertThat(CanonicalInstant.parse(e)).as(e).isEqualTo(CanonicalInstant.byFormatter(e));
    }

    @Example
    void edgeCases() {
        for (String s : new String[] {"2024-05-14T09:30:00Z", "2024-05-14T09:30:00.000Z", "2024-05-14T09:30:00.100Z",
            "2024-05-14T09:30:00.1Z", "2024-05-14T09:30:00.12Z", "2024-05-14T09:30:00.1234Z",
            "2024-05-14T09:30:00.123000Z", "2024-05-14T09:30:00.123400Z", "2024-05-14T09:30:00.123456789Z",
            "2024-05-14T09:30:00.123456000Z", "2024-05-14T09:30Z", "2024-05-14T24:00:00Z", "2016-12-31T23:59:60Z",
            "2023-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "2024-05-14t09:30:00z", "2024-05-14T09:30:00+00:00",
            "2024-13-01T00:00:00Z", "2024-00-01T00:00:00Z", "2024-01-00T00:00:00Z", "2024-05-14T09:60:00Z",
            "２０２４-05-14T09:30:00Z", "2024-05-14 09:30:00Z", ""}) {
            assertThat(CanonicalInstant.parse(s)).as(s).isEqualTo(CanonicalInstant.byFormatter(s));
        }
    }
}
