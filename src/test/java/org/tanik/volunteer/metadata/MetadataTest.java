package org.tanik.volunteer.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.volunteer.MetadataReport;
import org.tanik.volunteer.MetadataReport.Finding;
import org.tanik.volunteer.MetadataReport.Kind;

/** What JPEG and PDF files reveal, and a JPEG's metadata stripped as it streams, the image intact. */
class MetadataTest {

    @TempDir
    Path dir;

    @Test
    void aPhotoRevealsWhereWhenAndWithWhatItWasTaken() throws IOException {
        Path photo = Files.write(dir.resolve("IMG_0001.JPG"), TestJpegs.withMetadata());
        MetadataReport report = Metadata.inspect(photo);
        assertThat(report.findings()).containsExactly(new Finding(Kind.CAMERA, TestJpegs.CAMERA),
                new Finding(Kind.DATE_TAKEN, TestJpegs.TAKEN), new Finding(Kind.GPS_POSITION, TestJpegs.GPS),
                new Finding(Kind.EMBEDDED_METADATA, "IPTC"));
        assertThat(report.strippable()).isTrue();
        assertThat(Metadata.inspect(Files.write(dir.resolve("plain.jpg"), TestJpegs.plain())).findings()).isEmpty();
    }

    @Test
    void strippingDropsExifAndIptcAndKeepsTheImage() throws IOException {
        byte[] original = TestJpegs.withMetadata();
        byte[] stripped = strip(original);
        assertThat(stripped.length).isLessThan(original.length);
        assertThat(stripped).isEqualTo(TestJpegs.plain()); // exactly the image without the two segments
        assertThat(ImageIO.read(new ByteArrayInputStream(stripped)).getWidth()).isEqualTo(64);
        Path out = Files.write(dir.resolve("stripped.jpg"), stripped);
        assertThat(Metadata.inspect(out).findings()).isEmpty();
    }

    @Test
    void strippingReadsInAnyPiecesAndPassesOtherFilesUnchanged() throws IOException {
        byte[] original = TestJpegs.withMetadata();
        // One byte at a time: the filter's state survives every split.
        try (InputStream in = Metadata.strip(new ByteArrayInputStream(original))) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int b; (b = in.read()) >= 0; ) {
                out.write(b);
            }
            assertThat(out.toByteArray()).isEqualTo(TestJpegs.plain());
        }
        byte[] text = "not a JPEG at all, \u00ff\u00d8 inside".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(strip(text)).isEqualTo(text);
        byte[] cut = java.util.Arrays.copyOf(original, 30); // ends inside the EXIF segment
        assertThat(strip(cut)).containsExactly(0xFF - 256, 0xD8 - 256);
    }

    @Test
    void aPdfRevealsItsAuthorCreatorAndProducer() throws IOException {
        Path pdf = dir.resolve("karar.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setAuthor("Av. Mehmet Öz");
            info.setCreator("Microsoft Word");
            info.setProducer("Acrobat Distiller 9");
            doc.save(pdf.toFile());
        }
        MetadataReport report = Metadata.inspect(pdf);
        assertThat(report.findings()).contains(new Finding(Kind.AUTHOR, "Av. Mehmet Öz"),
                new Finding(Kind.CREATOR, "Microsoft Word"), new Finding(Kind.PRODUCER, "Acrobat Distiller 9"));
        assertThat(report.strippable()).isFalse();
    }

    @Test
    void otherFilesRevealNothingKnown() throws IOException {
        Path txt = Files.writeString(dir.resolve("a.txt"), "metin");
        assertThat(Metadata.inspect(txt)).isEqualTo(new MetadataReport(List.of(), false));
        Path badPdf = Files.writeString(dir.resolve("b.pdf"), "%PDF-1.7 broken");
        assertThat(Metadata.inspect(badPdf).findings()).isEmpty();
    }

    private static byte[] strip(byte[] in) throws IOException {
        try (InputStream s = Metadata.strip(new ByteArrayInputStream(in))) {
            return s.readAllBytes();
        }
    }
}
