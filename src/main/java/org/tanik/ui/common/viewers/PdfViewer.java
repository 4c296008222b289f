package org.tanik.ui.common.viewers;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.tanik.files.Content;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.UiText;

/**
 * A PDF, one page at a time: PDFBox parses it straight from the content ({@link ContentRead}) and
 * renders the page shown into an image in memory. Every use of the document runs on the worker
 * thread, one at a time (PDFBox is not thread-safe).
 */
final class PdfViewer implements ViewerPane {

    /** A page is rendered at most this many pixels a side, whatever the zoom: memory stays bounded. */
    static final int MAX_SIDE = 5000;
    /** Points are 1/72 inch; a page at zoom 1 is shown at the screen's usual 96 dpi. */
    private static final float BASE_SCALE = 96f / 72f;
    private static final double STEP = 1.25;

    private final BackgroundExecutor executor;
    private final UiText text;
    private final ImageView view = new ImageView();
    private final Label status;
    private final TextField pageField = new TextField();
    private final Label pageCount = new Label();
    private final Button previous;
    private final Button next;
    private final BorderPane root = new BorderPane();
    private PDDocument document;
    private PDFRenderer renderer;
    private int pages;
    private int page;
    private double zoom = 1;
    /** Until the person zooms: each page as wide as the window, so nothing scrolls sideways. */
    private boolean fitWidth = true;
    private final ScrollPane scroll;
    private boolean closed;

    /** A rendered page and the zoom it was rendered at (1 = the page's size at 96 dpi). */
    private record Rendered(Image image, double zoom) {
    }

    PdfViewer(Content content, BackgroundExecutor executor, UiText text) {
        this.executor = executor;
        this.text = text;
        StackPane centred = new StackPane(view);
        centred.setAlignment(Pos.TOP_CENTER);
        scroll = new ScrollPane(centred);
        scroll.setPannable(true);
        scroll.getStyleClass().add("viewer-scroll");
        centred.minWidthProperty().bind(scroll.viewportBoundsProperty().map(Bounds::getWidth));
        status = new Label(text.get("viewer.loading"));
        status.setWrapText(true);
        previous = Viewers.button(text, "viewer.previous", "previousPage", () -> show(page - 1));
        next = Viewers.button(text, "viewer.next", "nextPage", () -> show(page + 1));
        Label pageLabel = new Label(text.get("viewer.page"));
        pageLabel.setLabelFor(pageField);
        pageField.setId("pageNumber");
        pageField.setPrefColumnCount(4);
        pageField.setOnAction(e -> {
            try {
                show(Integer.parseInt(pageField.getText().strip()) - 1);
            } catch (NumberFormatException bad) {
                showPageNumber();
            }
        });
        Button in = Viewers.button(text, "viewer.zoomIn", "zoomIn", () -> zoomTo(zoom * STEP));
        Button out = Viewers.button(text, "viewer.zoomOut", "zoomOut", () -> zoomTo(zoom / STEP));
        Button fit = Viewers.button(text, "viewer.fit", "fit", () -> {
            fitWidth = true;
            show(page);
        });
        javafx.scene.layout.Pane tools = Viewers.toolbar(previous, pageLabel, pageField, pageCount, next, in, out, fit);
        tools.setDisable(true);
        root.setTop(tools);
        root.setCenter(new StackPane(scroll, status));
        root.getStyleClass().add("pdf-viewer");
        executor.run(() -> Loader.loadPDF(new ContentRead(content)), loaded -> {
            if (closed) {
                closeLater(loaded);
                return;
            }
            document = loaded;
            renderer = new PDFRenderer(loaded);
            pages = loaded.getNumberOfPages();
            pageCount.setText(text.format("viewer.pageOf", pages));
            tools.setDisable(false);
            show(0);
        }, this::failed);
    }

    /** Shows page {@code index} (from 0); out of range stays where it is. */
    void show(int index) {
        if (document == null || index < 0 || index >= pages) {
            showPageNumber();
            return;
        }
        page = index;
        showPageNumber();
        double z = zoom;
        double width = fitWidth ? fitWidth() : 0;
        PDDocument d = document;
        PDFRenderer r = renderer;
        executor.run(() -> render(d, r, index, z, width), rendered -> {
            if (!closed && page == index) {
                view.setPreserveRatio(true);
                if (fitWidth) {
                    // The window's width decides, also when a scroll bar comes or it is resized.
                    view.fitWidthProperty().bind(scroll.viewportBoundsProperty()
                            .map(b -> Math.min(rendered.image().getWidth(), Math.max(50, b.getWidth() - 4))));
                } else {
                    view.fitWidthProperty().unbind();
                    view.setFitWidth(0);
                }
                view.setImage(rendered.image());
                zoom = rendered.zoom();
                status.setVisible(false);
            }
        }, this::failed);
    }

    void zoomTo(double z) {
        fitWidth = false;
        zoom = Math.max(0.25, Math.min(6, z));
        show(page);
    }

    /** The width a page may take without a horizontal scroll bar. */
    private double fitWidth() {
        double port = scroll.getViewportBounds().getWidth();
        return (port > 100 ? port : 800) - 4;
    }

    private void showPageNumber() {
        pageField.setText(pages == 0 ? "" : Integer.toString(page + 1));
        previous.setDisable(page <= 0);
        next.setDisable(page >= pages - 1);
    }

    private void failed(Throwable failure) {
        if (!closed) {
            view.setImage(null);
            status.setText(text.get("viewer.failed"));
            status.setVisible(true);
        }
    }

    /**
     * Renders on the worker: the page at zoom {@code z}, or {@code width} pixels wide when that is
     * positive, as an image no larger than {@link #MAX_SIDE} a side.
     */
    private static Rendered render(PDDocument d, PDFRenderer r, int index, double z, double width) throws IOException {
        PDRectangle box = d.getPage(index).getCropBox();
        float scale = width > 0 ? (float) (width / box.getWidth()) : (float) (BASE_SCALE * z);
        float longest = Math.max(box.getWidth(), box.getHeight()) * scale;
        if (longest > MAX_SIDE) {
            scale *= MAX_SIDE / longest;
        }
        return new Rendered(toFx(r.renderImage(index, scale, ImageType.RGB)), scale / BASE_SCALE);
    }

    /** The pixels copied band by band into a JavaFX image (no javafx-swing, no full second copy). */
    static WritableImage toFx(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        WritableImage fx = new WritableImage(w, h);
        PixelWriter writer = fx.getPixelWriter();
        int band = Math.max(1, Math.min(h, (1 << 20) / Math.max(1, w)));
        int[] pixels = new int[w * band];
        for (int y = 0; y < h; y += band) {
            int rows = Math.min(band, h - y);
            image.getRGB(0, y, w, rows, pixels, 0, w);
            writer.setPixels(0, y, w, rows, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        }
        return fx;
    }

    int page() {
        return page;
    }

    int pages() {
        return pages;
    }

    ImageView view() {
        return view;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        closed = true;
        view.setImage(null);
        closeLater(document);
        document = null;
        renderer = null;
    }

    private void closeLater(PDDocument d) {
        if (d != null) {
            executor.run(() -> {
                d.close();
                return Boolean.TRUE;
            }, done -> { }, failure -> { });
        }
    }
}
