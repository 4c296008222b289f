package org.tanik;

import org.tanik.cli.Cli;
import org.tanik.ui.shell.Launcher;

/** One jar, two faces: no arguments opens the desktop app, any argument runs the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Launcher.launch(AppServices.fromEnvironment());
        } else {
            System.exit(Cli.run(args, AppServices.fromEnvironment()));
        }
    }
}
