package org.tanik.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every vault command shares. */
final class VaultOptions {

    @Option(names = "--vault", paramLabel = "DIR", descriptionKey = "vault")
    Path vault;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            descriptionKey = "passphrase-file")
    Path passphraseFile;
}
