package org.tanik.cli.layering;

import java.io.File;
import javafx.stage.FileChooser;

/** A fixture the architecture test must refuse: it opens the system's file window. */
public final class SystemFileWindow {

    private SystemFileWindow() {
    }

    static File choose() {
        return new FileChooser().showOpenDialog(null);
    }
}
