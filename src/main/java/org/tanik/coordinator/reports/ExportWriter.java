package org.tanik.coordinator.reports;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one export's content. Selection, consent, redaction, atomic write and audit are not its business. */
public interface ExportWriter {
    void write(ExportSource source, OutputStream out) throws IOException;
}
