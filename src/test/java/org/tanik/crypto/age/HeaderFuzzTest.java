package org.tanik.crypto.age;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random mutations of valid headers must only ever produce AgeException, never another throwable. */
class HeaderFuzzTest {
    private static final X25519Identity ID = X25519Identity.generate();
    private static final byte[] FILE;

    static {
        try {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            try (OutputStream out = AgeEncryptor.encrypt(
                    List.of(ID.recipient(), X25519Identity.generate().recipient()), bo)) {
                out.write("hello, header fuzzing".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            FILE = bo.toByteArray();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Each op: position, kind (0 flip, 1 set byte, 2 delete, 3 insert, 4 duplicate a line-ish run). */
    @Property(tries = 3000)
    void mutatedHeadersOnlyThrowAgeException(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> positions,
            @ForAll @Size(min = 6, max = 6) List<@IntRange(min = 0, max = 4) Integer> kinds,
            @ForAll @Size(min = 6, max = 6) List<@IntRange(min = 0, max = 255) Integer> values,
            @ForAll boolean armored) {
        int header = RoundTripPropertiesTest.headerLength(FILE);
        byte[] f = FILE.clone();
        for (int i = 0; i < positions.size(); i++) {
            f = mutate(f, positions.get(i) % Math.max(1, Math.min(header + 20, f.length)), kinds.get(i), values.get(i));
        }
        byte[] input = f;
        if (armored) {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            try (OutputStream a = new ArmorOutputStream(bo)) {
                a.write(f);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            input = bo.toByteArray();
        }
        try (InputStream in = AgeDecryptor.decrypt(new ByteArrayInputStream(input), List.of(ID))) {
            in.readAllBytes();
        } catch (AgeException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (Throwable t) {
            throw new AssertionError("non-AgeException from mutated header: " + t, t);
        }
    }

    private static byte[] mutate(byte[] f, int pos, int kind, int value) {
        switch (kind) {
            case 0 -> {
                byte[] g = f.clone();
                g[pos] ^= (byte) (1 << (value & 7));
                return g;
            }
            case 1 -> {
                byte[] g = f.clone();
                g[pos] = (byte) value;
                return g;
            }
            case 2 -> {
                byte[] g = new byte[f.length - 1];
                System.arraycopy(f, 0, g, 0, pos);
                System.arraycopy(f, pos + 1, g, pos, f.length - pos - 1);
                return g;
            }
            case 3 -> {
                byte[] g = new byte[f.length + 1];
                System.arraycopy(f, 0, g, 0, pos);
                g[pos] = (byte) value;
                System.arraycopy(f, pos, g, pos + 1, f.length - pos);
                return g;
            }
            default -> {
                int len = Math.min(value % 70 + 1, f.length - pos);
                byte[] g = new byte[f.length + len];
                System.arraycopy(f, 0, g, 0, pos + len);
                System.arraycopy(f, pos, g, pos + len, f.length - pos);
                return g;
            }
        }
    }
}
