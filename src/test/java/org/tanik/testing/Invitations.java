package org.tanik.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.enrolment.Invitation;
import org.tanik.enrolment.InvitationCodec;

/**
 * Signed invitation files made without an organisation vault: any name, any recipients, any key,
 * as a forger (or a renewed invitation) would have them.
 */
public final class Invitations {

    private final byte[] signingKey = Ed25519.generatePrivateKey();

    /** Fresh age recipients (age1…), as many as asked. */
    public static List<String> recipients(int count) {
        return Stream.generate(() -> X25519Identity.generate().recipient().encode()).limit(count).toList();
    }

    /** The invitation as the volunteer's device reads it. */
    public Invitation invitation(String organisation, List<String> recipients, String intakeUrl) {
        Instant now = Instant.now();
        return new Invitation(organisation, recipients, Ed25519.publicKey(signingKey), intakeUrl, null, null, null,
                now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(7)));
    }

    /** The file, signed by this organisation's key. */
    public byte[] file(String organisation, List<String> recipients, String intakeUrl) {
        return file(invitation(organisation, recipients, intakeUrl));
    }

    public byte[] file(Invitation invitation) {
        return new InvitationCodec().write(invitation, signingKey);
    }

    public String fingerprint() {
        return invitation("x", recipients(1), null).fingerprint();
    }
}
