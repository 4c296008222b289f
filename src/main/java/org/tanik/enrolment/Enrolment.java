package org.tanik.enrolment;

import java.time.Clock;
import java.util.Optional;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.vault.VaultSession;

/**
 * The volunteer side: joining an organisation with its invitation. One organisation at a time;
 * joining another replaces it (the caller warns). The invitation is kept sealed in the vault, since
 * even the link between a volunteer and an organisation is sensitive.
 */
public final class Enrolment {

    static final String SECRET_NAME = "enrolment.invitation";
    private final InvitationCodec codec = new InvitationCodec();
    private final Clock clock;

    public Enrolment(Clock clock) {
        this.clock = clock;
    }

    /** Checks an invitation file without joining: signature, format and expiry. */
    public Invitation check(byte[] invitationFile) {
        Invitation inv = codec.read(invitationFile);
        if (inv.expired(clock.instant())) {
            throw new TanikException(Problem.INVITATION_EXPIRED);
        }
        return inv;
    }

    /** Joins the organisation; returns the organisation that was replaced, if any. */
    public Optional<Invitation> enrol(VaultSession vault, byte[] invitationFile) {
        check(invitationFile);
        Optional<Invitation> previous = current(vault);
        vault.secrets().put(SECRET_NAME, invitationFile);
        return previous;
    }

    public Optional<Invitation> current(VaultSession vault) {
        return vault.secrets().get(SECRET_NAME).map(codec::read);
    }

    public Invitation require(VaultSession vault) {
        return current(vault).orElseThrow(() -> new TanikException(Problem.NOT_ENROLLED));
    }
}
