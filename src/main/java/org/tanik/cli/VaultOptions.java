package org.tanik.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every vault command shares. */
final class VaultOptions {

    @Option(names = "--vault", paramLabel = "DIR", description = "Vault folder (default: the per-user data folder).")
    Path vault;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the passphrase from FILE (UTF-8, one line). Otherwise TANIK_PASSPHRASE, else a prompt.")
    Path passphraseFile;
}
