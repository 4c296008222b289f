package org.tanik.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.tanik.crypto.Argon2Params;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.Organisation;
import org.tanik.model.TestimonyContent;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.store.Vaults;
import org.tanik.volunteer.Outbox;

/** Builds an organisation vault and enrolled volunteer vaults for end-to-end tests. */
public final class Organisations {

    public static final char[] PASS = "organisation test passphrase words".toCharArray();
    private final Path root;
    private final Clock clock;
    private final Vaults vaults;
    private byte[] invitation;

    public Organisations(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
        this.vaults = new Vaults(Argon2Params.TESTING, clock);
    }

    public Vaults vaults() {
        return vaults;
    }

    public Path orgDir() {
        return root.resolve("org");
    }

    /** The organisation vault's compartment: its database, archive and other data (the vault folder holds the key file). */
    public Path orgData() {
        return org.tanik.store.TestCompartments.of(orgDir(), PASS);
    }

    /** Creates the organisation vault (closed afterwards) and an invitation. */
    public Organisations createOrganisation(String name) {
        try (VaultSession org = vaults.create(orgDir(), PASS)) {
            invitation = Organisation.init(org, name).invite(null, null, Duration.ofDays(30), clock);
        }
        return this;
    }

    public VaultSession openOrg() {
        return vaults.open(orgDir(), PASS);
    }

    /** A volunteer vault enrolled with the organisation (left open for the caller). */
    public VaultSession volunteer(String name) {
        VaultSession v = vaults.create(root.resolve(name), PASS);
        new Enrolment(clock).enrol(v, invitation);
        return v;
    }

    /** Adds and seals a testimony; returns its id. */
    public static String sealed(VaultSession v, String title) {
        String id = v.testimonies().create(TestimonyContent.empty().withTitle(title).withNarrative("Anlatı: " + title)).id();
        v.testimonies().seal(id);
        return id;
    }

    /** Exports to {@code root/fileName} with any enrolled vault. */
    public static Path export(Path root, Clock clock, VaultSession v, String fileName) {
        Path file = root.resolve(fileName);
        new Outbox(new OpenVault(v), clock).export(file);
        return file;
    }

    public Path export(VaultSession v, String fileName) {
        Path file = root.resolve(fileName);
        new Outbox(new OpenVault(v), clock).export(file);
        return file;
    }
}
