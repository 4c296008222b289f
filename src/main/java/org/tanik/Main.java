package org.tanik;

import java.util.OptionalInt;
import org.tanik.cli.Cli;
import org.tanik.config.PortableMode;
import org.tanik.error.TanikException;
import org.tanik.i18n.Messages;
import org.tanik.ui.shell.Launcher;

/** One jar, two faces: no arguments opens the desktop app, any argument runs the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // First, before any JavaFX or AWT class loads: they read where to write their files only once.
        PortableMode.Start start;
        try {
            start = PortableMode.configure(args);
        } catch (TanikException e) {
            System.err.println(new Messages(java.util.Locale.getDefault()).describe(e));
            System.exit(1);
            return;
        }
        String[] rest = start.args();
        if (rest.length == 0) {
            // Portable: the desktop's native libraries need an environment only a new process can have.
            OptionalInt relaunched = PortableMode.relaunch(start);
            if (relaunched.isPresent()) {
                System.exit(relaunched.getAsInt());
            }
            Launcher.launch(AppServices::fromEnvironment);
        } else {
            System.exit(Cli.run(rest, AppServices.fromEnvironment()));
        }
    }
}
