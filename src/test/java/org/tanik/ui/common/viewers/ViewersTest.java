package org.tanik.ui.common.viewers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tanik.model.Attachment;
import org.tanik.testing.LeakScanner;
import org.tanik.ui.common.DirectExecutor;
import org.tanik.ui.common.UiText;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The viewers over a {@link org.tanik.files.Content} in memory: what they show, and that showing
 * writes nothing to disk. The work runs in place ({@link DirectExecutor}), on the FX thread.
 */
class ViewersTest {

    final UiText text = new UiText(Locale.ENGLISH);
    final DirectExecutor executor = new DirectExecutor();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    static Attachment attachment(String name, String type, long size) {
        return new Attachment("a1", "0".repeat(64), size, name, type, "", Instant.EPOCH, List.of());
    }

    @Test
    void anImageIsDecodedFromTheContentAndZoomsAndRotates() throws Exception {
        BytesContent content = new BytesContent(TestFiles.png(300, 120));
        ImageViewer viewer = fx(() -> new ImageViewer(content, executor, text));
        Image shown = viewer.view().getImage();
        assertThat(shown).isNotNull();
        assertThat(shown.getWidth()).isEqualTo(300);
        // Left half red, right half blue: the pixels are the file's.
        assertThat(shown.getPixelReader().getColor(10, 60).getRed()).isGreaterThan(0.9);
        assertThat(shown.getPixelReader().getColor(290, 60).getBlue()).isGreaterThan(0.9);

        double before = viewer.zoom();
        fx(() -> {
            ((Button) viewer.node().lookup("#zoomIn")).fire();
            return null;
        });
        assertThat(viewer.zoom()).isGreaterThan(before);
        assertThat(viewer.view().getFitWidth()).isEqualTo(300 * viewer.zoom());
        fx(() -> {
            ((Button) viewer.node().lookup("#rotate")).fire();
            return null;
        });
        assertThat(viewer.view().getRotate()).isEqualTo(90);
        fx(() -> {
            ((Button) viewer.node().lookup("#zoomOut")).fire();
            ((Button) viewer.node().lookup("#zoomOut")).fire();
            return null;
        });
        assertThat(viewer.zoom()).isLessThan(before);
    }

    @Test
    void aVeryLargeImageIsDecodedAtABoundedSize() throws Exception {
        ImageViewer viewer = fx(() -> new ImageViewer(new BytesContent(TestFiles.png(6000, 300)), executor, text));
        assertThat(viewer.view().getImage().getWidth()).isEqualTo(ImageViewer.MAX_SIDE);
        assertThat(viewer.view().getImage().getHeight()).isEqualTo(Math.round(300 * ImageViewer.MAX_SIDE / 6000), org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void aPdfIsRenderedPageByPageFromTheContentWithNothingWrittenToDisk() throws Exception {
        String marker = "TANIK-PDF-MARKER-" + System.nanoTime();
        BytesContent content = new BytesContent(TestFiles.pdf(3, marker));
        LeakScanner temp = LeakScanner.watch(List.of(marker));
        PdfViewer viewer = fx(() -> new PdfViewer(content, executor, text));
        assertThat(viewer.pages()).isEqualTo(3);
        assertThat(viewer.page()).isZero();
        Image first = viewer.view().getImage();
        assertThat(first).isNotNull();
        // As wide as the window (not shown here: the default width).
        assertThat(first.getWidth()).isEqualTo(796, org.assertj.core.data.Offset.offset(2.0));

        fx(() -> {
            ((Button) viewer.node().lookup("#nextPage")).fire();
            return null;
        });
        assertThat(viewer.page()).isEqualTo(1);
        assertThat(viewer.view().getImage()).isNotSameAs(first);
        fx(() -> {
            ((Button) viewer.node().lookup("#zoomIn")).fire();
            return null;
        });
        assertThat(viewer.view().getImage().getWidth()).isGreaterThan(first.getWidth());
        fx(() -> {
            javafx.scene.control.TextField number = (javafx.scene.control.TextField) viewer.node().lookup("#pageNumber");
            number.setText("3");
            number.fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        assertThat(viewer.page()).isEqualTo(2);
        assertThat(((Button) viewer.node().lookup("#nextPage")).isDisabled()).isTrue();
        fx(() -> {
            viewer.close();
            return null;
        });

        int[] scanned = {0};
        assertThat(temp.findIn(List.of(LeakScanner.tempDir()), scanned)).isEmpty();
    }

    @Test
    void aDamagedFileSaysItCannotBeReadInsteadOfFailing() throws Exception {
        BytesContent content = new BytesContent(TestFiles.pdf(1, "x"));
        content.altered = true;
        PdfViewer pdf = fx(() -> new PdfViewer(content, executor, text));
        assertThat(pdf.view().getImage()).isNull();
        assertThat(labels(pdf)).contains(text.get("viewer.failed"));

        ImageViewer image = fx(() -> new ImageViewer(new BytesContent("not an image".getBytes()), executor, text));
        assertThat(image.view().getImage()).isNull();
        assertThat(labels(image)).contains(text.get("viewer.failed"));
    }

    static List<String> labels(ViewerPane pane) {
        return pane.node().lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void textIsShownAsUtf8UpToTheLimitWithoutACharacterCutInHalf() throws Exception {
        byte[] small = "Gözaltında üç gün\nşahit".getBytes(StandardCharsets.UTF_8);
        assertThat(TextViewer.read(new BytesContent(small), 1024)).isEqualTo(new TextViewer.Read("Gözaltında üç gün\nşahit", false));

        // "ö" is two bytes; a limit between them leaves it out rather than showing half of it.
        byte[] cut = "Göz".getBytes(StandardCharsets.UTF_8);
        TextViewer.Read read = TextViewer.read(new BytesContent(cut), 2);
        assertThat(read.text()).isEqualTo("G");
        assertThat(read.cut()).isTrue();

        TextViewer viewer = fx(() -> new TextViewer(new BytesContent(small), executor, text));
        assertThat(viewer.area().getText()).isEqualTo("Gözaltında üç gün\nşahit");
        assertThat(viewer.area().isEditable()).isFalse();
    }

    @Test
    void theMediaTypePicksThePaneAndVideosAndUnknownFilesSaySoAndAudioUsesTheHook() throws Exception {
        Viewers viewers = new Viewers(executor, text, new org.tanik.ui.common.OpenDialogs(), null,
                (a, c) -> new NotShown("player for " + a.fileName(), ""));
        BytesContent any = new BytesContent(new byte[] {1, 2, 3});
        assertThat(fx(() -> viewers.pane(attachment("a.png", "image/png", 3), new BytesContent(TestFiles.png(4, 4)))))
                .isInstanceOf(ImageViewer.class);
        assertThat(fx(() -> viewers.pane(attachment("a.pdf", "application/pdf", 3), any))).isInstanceOf(PdfViewer.class);
        assertThat(fx(() -> viewers.pane(attachment("a.txt", "text/plain; charset=utf-8", 3), any)))
                .isInstanceOf(TextViewer.class);
        assertThat(labels(fx(() -> viewers.pane(attachment("kayıt.wav", "audio/wav", 3), any))))
                .contains("player for kayıt.wav");
        assertThat(labels(fx(() -> viewers.pane(attachment("v.mp4", "video/mp4", 3), any))))
                .contains(text.get("viewer.video"), text.get("viewer.openWithHint"));
        assertThat(labels(fx(() -> viewers.pane(attachment("t.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 3), any))))
                .anyMatch(l -> l.startsWith("Tanik cannot show this kind of file"));
        // No media type recorded: the name decides.
        assertThat(MediaKind.of("", "KARAR.PDF")).isEqualTo(MediaKind.PDF);
        assertThat(MediaKind.of("application/octet-stream", "foto.jpeg")).isEqualTo(MediaKind.IMAGE);
        assertThat(MediaKind.of(null, "x")).isEqualTo(MediaKind.OTHER);
    }

    @Test
    void aPdfIsReadInBlocksNotWhole() throws Exception {
        byte[] pdf = TestFiles.pdf(2, "blocks");
        BytesContent content = new BytesContent(pdf);
        try (ContentRead read = new ContentRead(content)) {
            read.seek(pdf.length - 10);
            byte[] tail = new byte[10];
            read.readFully(tail);
            assertThat(new String(tail, StandardCharsets.ISO_8859_1)).contains("%%EOF");
            assertThat(read.isEOF()).isTrue();
            assertThat(read.read()).isEqualTo(-1);
            read.seek(0);
            assertThat(read.read()).isEqualTo('%');
            assertThat(read.createView(1, 4).length()).isEqualTo(4);
        }
        assertThat(Path.of(".")).exists();
    }
}
