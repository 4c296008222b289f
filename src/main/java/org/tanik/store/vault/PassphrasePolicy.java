package org.tanik.store.vault;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.nio.CharBuffer;
import org.tanik.crypto.Secrets;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/**
 * Judges passphrase strength with zxcvbn (which knows dictionary words, keyboard patterns and
 * dates) and refuses weak ones: a seized laptop's vault is only as strong as its passphrase.
 */
public final class PassphrasePolicy {

    /** zxcvbn scores 0..4; 3 means "safely unguessable: moderate protection from offline attacks". */
    public static final int MINIMUM_SCORE = 3;
    public static final int MINIMUM_LENGTH = 10;
    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    private PassphrasePolicy() {
    }

    /** Score 0 (very weak) to 4 (strong); short passphrases never score above 2. */
    public static int score(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            return 0;
        }
        // zxcvbn's wipe() clears the sequence it measured, so it measures a copy of ours.
        char[] copy = passphrase.clone();
        Strength s = ZXCVBN.measure(CharBuffer.wrap(copy));
        int score = s.getScore();
        s.wipe();
        Secrets.wipe(copy);
        return passphrase.length < MINIMUM_LENGTH ? Math.min(score, 2) : score;
    }

    public static boolean acceptable(char[] passphrase) {
        return strongEnough(score(passphrase));
    }

    /** The one threshold: a passphrase of this score may protect a vault. */
    public static boolean strongEnough(int score) {
        return score >= MINIMUM_SCORE;
    }

    public static void require(char[] passphrase) {
        if (!acceptable(passphrase)) {
            throw new TanikException(Problem.WEAK_PASSPHRASE);
        }
    }
}
