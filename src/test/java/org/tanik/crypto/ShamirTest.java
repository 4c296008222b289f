package org.tanik.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bouncycastle.util.test.FixedSecureRandom;
import org.junit.jupiter.api.Test;

/**
 * Shamir's secret sharing against the published GF(256) vectors (src/test/resources/vectors/shamir),
 * then its properties: every k-subset restores, k - 1 shares do not, and k - 1 shares are spread
 * evenly whatever the secret.
 */
class ShamirTest {

    /** One published vector. */
    record Vector(String name, int k, int n, byte[] secret, byte[] random, List<byte[]> shares) {
        /** The coefficients of degree 1..k-1 as the splitter draws them: one row per degree. */
        byte[] rows() {
            int l = secret.length;
            byte[] rows = new byte[(k - 1) * l];
            for (int j = 0; j < l; j++) {
                for (int d = 1; d < k; d++) {
                    rows[(d - 1) * l + j] = random[j * (k - 1) + (d - 1)];
                }
            }
            return rows;
        }
    }

    static List<Vector> vectors() throws IOException {
        String text;
        try (InputStream in = ShamirTest.class.getClassLoader().getResourceAsStream("vectors/shamir/tss-gf256-011b.txt")) {
            if (in == null) {
                throw new AssertionError("vectors/shamir/tss-gf256-011b.txt missing from the test classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        List<Vector> out = new ArrayList<>();
        for (String block : text.split("\n\\s*\n")) {
            Map<String, String> f = new LinkedHashMap<>();
            for (String line : block.split("\n")) {
                if (!line.startsWith("#") && line.contains("=")) {
                    f.put(line.substring(0, line.indexOf('=')).strip(), line.substring(line.indexOf('=') + 1).strip());
                }
            }
            if (!f.containsKey("name")) {
                continue;
            }
            int n = Integer.parseInt(f.get("n"));
            List<byte[]> shares = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                shares.add(hex(f.get("share" + i)));
            }
            out.add(new Vector(f.get("name"), Integer.parseInt(f.get("k")), n, hex(f.get("secret")), hex(f.get("random")),
                    shares));
        }
        assertThat(out).as("vectors read").hasSize(6);
        return out;
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void splitGivesThePublishedShares() throws IOException {
        for (Vector v : vectors()) {
            List<Shamir.Share> shares = Shamir.split(v.secret(), v.k(), v.n(),
                    new FixedSecureRandom(new FixedSecureRandom.Source[] {new FixedSecureRandom.Data(v.rows())}));
            assertThat(shares).as(v.name()).hasSize(v.n());
            for (int i = 0; i < v.n(); i++) {
                assertThat(shares.get(i).x()).isEqualTo(i + 1);
                assertThat(shares.get(i).y()).as(v.name() + " share " + (i + 1)).isEqualTo(v.shares().get(i));
            }
        }
    }

    @Test
    void everyThresholdSubsetOfThePublishedSharesGivesTheSecret() throws IOException {
        int checked = 0;
        for (Vector v : vectors()) {
            List<Shamir.Share> all = new ArrayList<>();
            for (int i = 0; i < v.n(); i++) {
                all.add(new Shamir.Share(i + 1, v.shares().get(i)));
            }
            for (List<Shamir.Share> subset : subsets(all, v.k())) {
                assertThat(Shamir.combine(subset)).as(v.name()).isEqualTo(v.secret());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(1 + 6 + 4 + 1 + 36 + 10);
    }

    @Test
    void threeOfFiveAndTwoOfThree() {
        for (int[] kn : new int[][] {{3, 5}, {2, 3}}) {
            byte[] secret = Random.bytes(80);
            List<Shamir.Share> shares = Shamir.split(secret, kn[0], kn[1]);
            List<List<Shamir.Share>> enough = subsets(shares, kn[0]);
            assertThat(enough).hasSize(kn[0] == 3 ? 10 : 3);
            for (List<Shamir.Share> subset : enough) {
                assertThat(Shamir.combine(subset)).isEqualTo(secret);
            }
            for (List<Shamir.Share> subset : subsets(shares, kn[0] - 1)) {
                assertThat(Shamir.combine(subset)).isNotEqualTo(secret);
            }
        }
    }

    record Case(byte[] secret, int k, int n) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<byte[]> secrets = Arbitraries.bytes().array(byte[].class).ofMinSize(10).ofMaxSize(120);
        return Combinators.combine(secrets, Arbitraries.integers().between(1, 10), Arbitraries.integers().between(1, 10))
                .as((s, a, b) -> new Case(s, Math.min(a, b), Math.max(a, b)));
    }

    @Property(tries = 200)
    void anyThresholdOfSharesRestoresAndFewerDoNot(@ForAll("cases") Case c) {
        List<Shamir.Share> shares = Shamir.split(c.secret(), c.k(), c.n());
        assertThat(shares).hasSize(c.n());
        java.util.Random pick = new java.util.Random(c.secret().length * 31L + c.k() * 7L + c.n());
        List<Shamir.Share> shuffled = new ArrayList<>(shares);
        java.util.Collections.shuffle(shuffled, pick);
        assertThat(Shamir.combine(shuffled.subList(0, c.k()))).isEqualTo(c.secret());
        assertThat(Shamir.combine(shuffled)).isEqualTo(c.secret());
        if (c.k() > 1) {
            // With k - 1 shares the interpolation lands on another value (a 10-byte secret or more:
            // the chance of hitting it by accident is 2^-80 or less).
            assertThat(Shamir.combine(shuffled.subList(0, c.k() - 1))).isNotEqualTo(c.secret());
        }
    }

    /**
     * k - 1 shares say nothing of the secret: splitting the same secret again and again, the first
     * byte of a share takes every value, as it would for any other secret (with 8192 splits, missing
     * one of 256 values by chance has a probability near 3 * 10^-12).
     */
    @Test
    void fewerThanThresholdSharesTakeEveryValueWhateverTheSecret() {
        for (byte fixed : new byte[] {0, (byte) 0xFF}) {
            byte[] secret = new byte[16];
            java.util.Arrays.fill(secret, fixed);
            Set<Byte> first = new HashSet<>();
            Set<Byte> second = new HashSet<>();
            for (int i = 0; i < 8192; i++) {
                List<Shamir.Share> shares = Shamir.split(secret, 3, 5);
                first.add(shares.get(0).y()[0]);
                second.add(shares.get(1).y()[0]);
            }
            assertThat(first).hasSize(256);
            assertThat(second).hasSize(256);
        }
    }

    @Test
    void refusesTheSameShareTwiceAndMixedLengths() {
        List<Shamir.Share> shares = Shamir.split(Random.bytes(32), 2, 3);
        assertThatThrownBy(() -> Shamir.combine(List.of(shares.get(0), shares.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shamir.combine(List.of(shares.get(0), new Shamir.Share(2, new byte[31]))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shamir.split(new byte[4], 2, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shamir.split(new byte[40], 4, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    static <T> List<List<T>> subsets(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        collect(all, size, 0, new ArrayList<>(), out);
        return out;
    }

    private static <T> void collect(List<T> all, int size, int from, List<T> current, List<List<T>> out) {
        if (current.size() == size) {
            out.add(new ArrayList<>(current));
            return;
        }
        for (int i = from; i < all.size(); i++) {
            current.add(all.get(i));
            collect(all, size, i + 1, current, out);
            current.remove(current.size() - 1);
        }
    }
}
