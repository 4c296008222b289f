package org.tanik.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Invitation;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;

/**
 * Joining an organisation with its invitation, and leaving it: the volunteer's side of enrolment.
 * The rules are {@link Enrolment}'s (one organisation key at a time; a renewal from the same key may
 * replace the stored invitation); this use case gives the faces what they show, and nothing they
 * could use to bypass them.
 */
public final class Membership {

    /** An organisation as a volunteer sees it: from an invitation, or the one this vault joined. */
    public record Org(String name, String fingerprint, List<String> recipients, String intakeUrl, Instant expiresAt) {

        public Org {
            recipients = List.copyOf(recipients);
        }

        static Org of(Invitation invitation) {
            return new Org(invitation.organisation(), invitation.fingerprint(), invitation.recipients(),
                    invitation.intakeUrl(), invitation.expiresAt());
        }
    }

    /** The organisation to leave, and how many sealed versions it has not been sent (they would go to the next). */
    public record Leaving(Org organisation, int unsent) {
    }

    /**
     * What joining with an invitation would do, to show the volunteer before anything is stored: who
     * invites, the fingerprints to compare, and for a renewal what changes.
     */
    public static final class Offer {
        private final byte[] file;
        private final Enrolment.Proposal proposal;
        private final String deviceFingerprint;

        private Offer(byte[] file, Enrolment.Proposal proposal, String deviceFingerprint) {
            this.file = file.clone();
            this.proposal = proposal;
            this.deviceFingerprint = deviceFingerprint;
        }

        public Org organisation() {
            return Org.of(proposal.invitation());
        }

        /** The organisation this vault has joined, when the offer renews its invitation. */
        public Optional<Org> current() {
            return proposal.current().map(Org::of);
        }

        public boolean renewal() {
            return proposal.renewal();
        }

        public boolean renamed() {
            return proposal.renamed();
        }

        public boolean recipientsChanged() {
            return proposal.recipientsChanged();
        }

        public boolean intakeChanged() {
            return proposal.intakeChanged();
        }

        /** This device's fingerprint, which the volunteer reads to the coordinator. */
        public String deviceFingerprint() {
            return deviceFingerprint;
        }

        /** Whether typed digits (spaces optional) are the inviting organisation's fingerprint. */
        public boolean fingerprintMatches(String typed) {
            return proposal.invitation().fingerprintMatches(typed);
        }
    }

    private final VaultSession vault;
    private final Enrolment enrolment;
    private final Outbox outbox;

    public Membership(OpenVault vault, Clock clock) {
        this.vault = vault.store();
        this.enrolment = new Enrolment(clock);
        this.outbox = new Outbox(vault, clock);
    }

    /** Checks an invitation file without a vault (signature, format, expiry), before a passphrase is asked. */
    public static void check(byte[] invitationFile, Clock clock) {
        new Enrolment(clock).check(invitationFile);
    }

    /** Checks an invitation against this vault, storing nothing; another organisation key is refused. */
    public Offer propose(byte[] invitationFile) {
        return new Offer(invitationFile, enrolment.propose(vault, invitationFile), vault.device().fingerprint());
    }

    /** Joins (or renews) as offered; the rules are checked again. Returns the organisation replaced, if any. */
    public Optional<Org> join(Offer offer) {
        return enrolment.enrol(vault, offer.file).map(Org::of);
    }

    public Optional<Org> current() {
        return enrolment.current(vault).map(Org::of);
    }

    /** What leaving would leave behind; {@code NOT_ENROLLED} when there is nothing to leave. */
    public Leaving leaving() {
        Org org = Org.of(enrolment.require(vault));
        return new Leaving(org, outbox.pending());
    }

    /** Leaves the organisation; testimonies stay. Returns the organisation left. */
    public Org leave() {
        return Org.of(enrolment.leave(vault));
    }
}
