package org.tanik.cli;

import org.tanik.AppServices;

/** Command-line entry point (being written). */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args, AppServices services) {
        System.err.println("The command line is not built yet.");
        return 2;
    }
}
