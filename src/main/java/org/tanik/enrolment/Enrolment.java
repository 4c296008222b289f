package org.tanik.enrolment;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.store.VaultSession;

/**
 * The volunteer side: joining an organisation with its invitation. One organisation at a time. An
 * invitation is signed by the key it carries, so it proves nothing until a person has compared its
 * fingerprint with the coordinator; a vault therefore never moves to another organisation key on its
 * own: the volunteer leaves the current organisation first ({@link #leave}), deliberately. A renewed
 * invitation from the same key (new intake address, new recipients) may replace the stored one.
 * The invitation is kept sealed in the vault, since even the link between a volunteer and an
 * organisation is sensitive.
 */
public final class Enrolment {

    static final String SECRET_NAME = "enrolment.invitation";
    private final InvitationCodec codec = new InvitationCodec();
    private final Clock clock;

    /**
     * What joining with an invitation would do, to show the volunteer before anything is stored.
     *
     * @param current the invitation this vault holds now; when present it has the same signing key
     *                (this is a renewal), since another key is refused
     */
    public record Proposal(Invitation invitation, Optional<Invitation> current) {

        public boolean renewal() {
            return current.isPresent();
        }

        public boolean renamed() {
            return current.filter(c -> !c.organisation().equals(invitation.organisation())).isPresent();
        }

        /** The order of recipients does not matter to age: only the set of keys bundles are encrypted to. */
        public boolean recipientsChanged() {
            return current.filter(c -> !new HashSet<>(c.recipients()).equals(new HashSet<>(invitation.recipients())))
                    .isPresent();
        }

        /** Where bundles are uploaded to, or the key the upload server is pinned to. */
        public boolean intakeChanged() {
            return current.filter(c -> !Objects.equals(c.intakeUrl(), invitation.intakeUrl())
                    || !Objects.equals(c.tlsPin(), invitation.tlsPin())
                    || !Objects.equals(c.intakeKey(), invitation.intakeKey())
                    || !Objects.equals(c.route(), invitation.route())).isPresent();
        }
    }

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

    /**
     * Checks an invitation against this vault without storing anything. Refused when the vault has
     * joined an organisation with another signing key: that needs {@link #leave} first.
     */
    public Proposal propose(VaultSession vault, byte[] invitationFile) {
        Invitation inv = check(invitationFile);
        Optional<Invitation> current = current(vault);
        if (current.isPresent() && !Arrays.equals(current.get().signingKey(), inv.signingKey())) {
            Invitation c = current.get();
            throw new TanikException(Problem.ENROLLED_ELSEWHERE, c.organisation(), c.fingerprint(), inv.organisation(),
                    inv.fingerprint());
        }
        return new Proposal(inv, current);
    }

    /**
     * Joins the organisation, or renews the invitation of the one already joined (same signing key);
     * returns the invitation replaced, if any. The caller has shown the volunteer {@link #propose}'s
     * answer and had it confirmed; the rule is checked again here, so it holds whatever the caller did.
     */
    public Optional<Invitation> enrol(VaultSession vault, byte[] invitationFile) {
        Proposal proposal = propose(vault, invitationFile);
        vault.secrets().put(SECRET_NAME, invitationFile);
        return proposal.current();
    }

    /**
     * Leaves the organisation: forgets its invitation, so nothing is encrypted to it any more and
     * another organisation can be joined. Testimonies stay in the vault; sealed versions not yet sent
     * would go to the organisation joined next (the caller warns). Returns the organisation left.
     */
    public Invitation leave(VaultSession vault) {
        Invitation left = require(vault);
        vault.secrets().remove(SECRET_NAME);
        return left;
    }

    public Optional<Invitation> current(VaultSession vault) {
        return vault.secrets().get(SECRET_NAME).map(codec::read);
    }

    /**
     * The invitation file exactly as the organisation signed it, for the intake to check the device
     * was invited (a sync registration); the caller wipes it.
     */
    public Optional<byte[]> invitationFile(VaultSession vault) {
        return vault.secrets().get(SECRET_NAME);
    }

    public Invitation require(VaultSession vault) {
        return current(vault).orElseThrow(() -> new TanikException(Problem.NOT_ENROLLED));
    }
}
