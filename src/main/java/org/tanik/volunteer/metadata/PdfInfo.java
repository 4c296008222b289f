package org.tanik.volunteer.metadata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.tanik.volunteer.MetadataReport.Finding;
import org.tanik.volunteer.MetadataReport.Kind;

/**
 * What a PDF's document information dictionary says about who made it: author, creating program and
 * producer (PDF 32000-1, 14.3.3), read with PDFBox. Reported only: Tanik does not rewrite PDFs. An
 * encrypted or damaged PDF reveals nothing Tanik can read.
 */
final class PdfInfo {

    private PdfInfo() {
    }

    static List<Finding> read(Path file) {
        List<Finding> found = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()))) {
            PDDocumentInformation info = doc.getDocumentInformation();
            add(found, Kind.AUTHOR, info.getAuthor());
            add(found, Kind.CREATOR, info.getCreator());
            add(found, Kind.PRODUCER, info.getProducer());
            if (doc.getDocumentCatalog().getMetadata() != null) {
                found.add(new Finding(Kind.EMBEDDED_METADATA, "XMP"));
            }
        } catch (IOException | RuntimeException e) {
            // Encrypted, damaged or not a PDF after all: nothing known is reported.
        }
        return found;
    }

    private static void add(List<Finding> found, Kind kind, String value) {
        if (value != null && !value.isBlank()) {
            found.add(new Finding(kind, value.strip()));
        }
    }
}
