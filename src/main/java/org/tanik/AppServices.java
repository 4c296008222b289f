package org.tanik;

import java.time.Clock;
import org.tanik.config.AppDirectories;
import org.tanik.config.SettingsStore;
import org.tanik.crypto.Argon2Params;
import org.tanik.model.Vocabulary;
import org.tanik.session.VaultAccess;
import org.tanik.store.Vaults;
import org.tanik.volunteer.Courier;
import org.tanik.volunteer.IntakeCourier;

/**
 * The core services, built once by hand at start-up and passed down explicitly (no static
 * locators). The GUI's composition root and the CLI both start from here.
 */
public record AppServices(AppDirectories directories, Vaults vaults, Vocabulary vocabulary, SettingsStore settings,
                          Clock clock, Courier.Factory couriers) {

    public static AppServices create(AppDirectories directories, Argon2Params params) {
        keepLibraryCachesIn(directories);
        Clock clock = Clock.systemUTC();
        return new AppServices(directories, new Vaults(params, clock), Vocabulary.load(),
                new SettingsStore(directories.settingsFile()), clock, IntakeCourier.factory(clock));
    }

    /** The same services reaching the intake through another courier (tests put a fake intake here). */
    public AppServices withCouriers(Courier.Factory other) {
        return new AppServices(directories, vaults, vocabulary, settings, clock, other);
    }

    /** Creating, unlocking and re-keying vaults: what the faces use instead of {@link #vaults()}. */
    public VaultAccess vaultAccess() {
        return new VaultAccess(vaults);
    }

    /**
     * PDFBox, rendering a PDF that uses a font it does not embed, writes its list of the system's
     * fonts to {@code ~/.pdfbox.cache} otherwise: a trace outside Tanik's folder that a PDF was
     * viewed on this account. It goes to Tanik's home instead (a portable install keeps it on the stick).
     */
    static void keepLibraryCachesIn(AppDirectories directories) {
        System.setProperty("pdfbox.fontcache", directories.home().toAbsolutePath().toString());
    }

    /** The production set-up. Tests build their own with cheap KDF parameters. */
    public static AppServices fromEnvironment() {
        return create(AppDirectories.fromEnvironment(), Argon2Params.DEFAULT);
    }
}
