package org.tanik.crypto.age;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** UTF-8 encoding of a char[] passphrase without an intermediate String (which cannot be wiped). */
final class Passphrase {
    private Passphrase() {
    }

    /** Returns freshly allocated UTF-8 bytes; the caller wipes them. */
    static byte[] utf8(char[] passphrase) {
        CharsetEncoder enc = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buf;
        try {
            buf = enc.encode(CharBuffer.wrap(passphrase));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("passphrase is not valid UTF-16");
        }
        byte[] out = new byte[buf.remaining()];
        buf.get(out);
        // The encoder's backing array holds a copy too: wipe it.
        if (buf.hasArray()) {
            Arrays.fill(buf.array(), (byte) 0);
        }
        return out;
    }
}
