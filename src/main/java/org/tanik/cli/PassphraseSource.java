package org.tanik.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.session.VaultAccess;

/**
 * Finds a passphrase: a file given by option, else an environment variable, else the interactive
 * prompt. Never a command-line value, which other users can read in the process list.
 */
final class PassphraseSource {

    private final Terminal terminal;
    /** The command line's sentences in the chosen language, by key. */
    private final Function<String, String> text;

    PassphraseSource(Terminal terminal, Function<String, String> text) {
        this.terminal = terminal;
        this.text = text;
    }

    /** @param repeatText the prompt to ask again with, for a new passphrase; null to ask once */
    char[] read(Path file, String envVariable, String promptText, String repeatText) {
        if (file != null) {
            return fromFile(file);
        }
        String env = terminal.env().get(envVariable);
        if (env != null && !env.isEmpty()) {
            // The JDK hands environment variables out as Strings; this copy is the best available.
            return readable(env.toCharArray());
        }
        char[] first = terminal.prompt().read(promptText + ": ");
        if (first == null) {
            throw new TanikException(Problem.NO_PASSPHRASE);
        }
        readable(first);
        if (repeatText != null) {
            char[] second = terminal.prompt().read(repeatText + ": ");
            try {
                if (second == null || !Arrays.equals(first, second)) {
                    VaultAccess.wipe(first);
                    throw new TanikException(Problem.PASSPHRASES_DIFFER);
                }
            } finally {
                VaultAccess.wipe(second);
            }
        }
        return first;
    }

    /**
     * Refuses a passphrase that the JDK could not decode: under a locale that is not UTF-8 (LANG unset,
     * or naming a locale the system lacks) it reads "kırmızı" from the environment or the terminal as
     * "k?rm?z?" (each ? a U+FFFD). Taken as it is, that would open nothing or, worse, become a new vault's
     * passphrase that the same words typed under UTF-8 could never open.
     */
    private static char[] readable(char[] passphrase) {
        for (char c : passphrase) {
            if (c == '\uFFFD') {
                VaultAccess.wipe(passphrase);
                throw new TanikException(Problem.PASSPHRASE_UNREADABLE);
            }
        }
        return passphrase;
    }

    /** The file's UTF-8 text without its final line break. */
    char[] fromFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TanikException(Problem.IO_FAILURE, e, file.toString());
        }
        CharBuffer chars = null;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            int end = chars.limit();
            if (end > 0 && chars.get(end - 1) == '\n') {
                end--;
            }
            if (end > 0 && chars.get(end - 1) == '\r') {
                end--;
            }
            char[] out = new char[end];
            chars.get(out, 0, end);
            if (out.length == 0) {
                throw new TanikException(Problem.NO_PASSPHRASE);
            }
            return out;
        } catch (CharacterCodingException e) {
            throw new TanikException(Problem.INVALID_INPUT, text.apply("cli.invalid.passphraseFile"));
        } finally {
            Arrays.fill(bytes, (byte) 0); // the file's raw bytes: the passphrase in UTF-8
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }
}
