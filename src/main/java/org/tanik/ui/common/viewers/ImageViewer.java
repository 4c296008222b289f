package org.tanik.ui.common.viewers;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.tanik.files.Content;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.UiText;

/** A photo or scan, decoded in memory from the content: zoom in and out, fit the window, rotate by quarter turns. */
final class ImageViewer implements ViewerPane {

    /** Larger images are decoded at this many pixels a side: a phone photo stays sharp, memory stays bounded. */
    static final double MAX_SIDE = 4096;
    private static final double STEP = 1.25;

    private final ImageView view = new ImageView();
    private final ScrollPane scroll;
    private final Label status;
    private final BorderPane root = new BorderPane();
    private Image image;
    private double zoom = 1;
    private boolean closed;

    ImageViewer(Content content, BackgroundExecutor executor, UiText text) {
        view.setPreserveRatio(true);
        view.setSmooth(true);
        // A group takes the rotated bounds, so the scroll pane scrolls what is shown.
        StackPane centred = new StackPane(new Group(view));
        centred.setAlignment(Pos.CENTER);
        scroll = new ScrollPane(centred);
        scroll.setPannable(true);
        scroll.getStyleClass().add("viewer-scroll");
        centred.minWidthProperty().bind(scroll.viewportBoundsProperty().map(Bounds::getWidth));
        centred.minHeightProperty().bind(scroll.viewportBoundsProperty().map(Bounds::getHeight));
        status = new Label(text.get("viewer.loading"));
        status.setWrapText(true);
        Button in = Viewers.button(text, "viewer.zoomIn", "zoomIn", () -> zoomTo(zoom * STEP));
        Button out = Viewers.button(text, "viewer.zoomOut", "zoomOut", () -> zoomTo(zoom / STEP));
        Button fit = Viewers.button(text, "viewer.fit", "fit", this::fit);
        Button rotate = Viewers.button(text, "viewer.rotate", "rotate", () -> {
            view.setRotate((view.getRotate() + 90) % 360);
            fit();
        });
        javafx.scene.layout.Pane tools = Viewers.toolbar(in, out, fit, rotate);
        tools.disableProperty().bind(view.imageProperty().isNull());
        root.setTop(tools);
        root.setCenter(new StackPane(scroll, status));
        root.getStyleClass().add("image-viewer");
        executor.run(() -> decode(content), decoded -> {
            if (closed) {
                return;
            }
            image = decoded;
            view.setImage(decoded);
            status.setVisible(false);
            fit();
        }, failure -> status.setText(text.get("viewer.failed")));
    }

    static Image decode(Content content) throws IOException {
        double[] size = size(content);
        // A requested size also enlarges: ask for one only when the image is larger than the limit.
        boolean large = size != null && Math.max(size[0], size[1]) > MAX_SIDE;
        try (InputStream in = content.open(0)) {
            Image decoded = large ? new Image(in, MAX_SIDE, MAX_SIDE, true, true) : new Image(in);
            if (decoded.isError() || decoded.getWidth() <= 0) {
                throw new IOException("not an image");
            }
            return decoded;
        }
    }

    /**
     * The width and height the image's header says, or null when no reader knows the format. Read
     * through a cache in memory: ImageIO's default stream would cache the bytes in a temporary file.
     */
    static double[] size(Content content) throws IOException {
        try (InputStream in = content.open(0);
             ImageInputStream header = new MemoryCacheImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(header);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(header, true, true);
                return new double[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        }
    }

    /** The whole image in the window (after a rotation too). */
    void fit() {
        if (image == null) {
            return;
        }
        boolean sideways = Math.round(view.getRotate()) % 180 != 0;
        double w = sideways ? image.getHeight() : image.getWidth();
        double h = sideways ? image.getWidth() : image.getHeight();
        Bounds port = scroll.getViewportBounds();
        double pw = port.getWidth() > 1 ? port.getWidth() : 800;
        double ph = port.getHeight() > 1 ? port.getHeight() : 500;
        zoomTo(Math.min(1, Math.min(pw / w, ph / h)));
    }

    void zoomTo(double z) {
        if (image == null) {
            return;
        }
        zoom = Math.max(0.05, Math.min(8, z));
        view.setFitWidth(image.getWidth() * zoom);
        view.setFitHeight(image.getHeight() * zoom);
    }

    double zoom() {
        return zoom;
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
        image = null;
    }
}
