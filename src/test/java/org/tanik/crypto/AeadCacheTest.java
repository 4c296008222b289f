package org.tanik.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

/**
 * Locking must leave no key in a cached cipher: the JDK's GCM engine keeps a copy of the last key it
 * was given, so Aead keeps no Cipher (nor a per-thread or shared cache of them) past one call.
 */
class AeadCacheTest {

    @Test
    void aeadHoldsNoCipherBetweenCalls() throws Aead.AuthenticationException {
        byte[] key = Random.bytes(32);
        byte[] sealed = Aead.seal(key, "record".getBytes(), null);
        assertThat(Aead.open(key, sealed, null)).isEqualTo("record".getBytes());
        List<Field> statics = Arrays.stream(Aead.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()).toList();
        assertThat(statics).as("Aead's state kept from call to call").allSatisfy(f -> assertThat(
                ThreadLocal.class.isAssignableFrom(f.getType()) || Cipher.class.isAssignableFrom(f.getType())
                        || java.util.Map.class.isAssignableFrom(f.getType())
                        || java.util.Collection.class.isAssignableFrom(f.getType()))
                .as(f.getName()).isFalse());
    }

    /** Prints what a new Cipher per record costs (no timed assertion). */
    @Test
    void printsTheCostOfANewCipherPerRecord() {
        byte[] key = Random.bytes(32);
        byte[] record = new byte[1024];
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            Aead.seal(key, record, null); // warm-up
        }
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Aead.seal(key, record, null);
        }
        System.out.printf("aead: %.1f us per 1 KiB record sealed%n", (System.nanoTime() - t) / 1e3 / n);
    }
}
