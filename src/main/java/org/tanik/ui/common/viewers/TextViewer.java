package org.tanik.ui.common.viewers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import org.tanik.files.Content;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.Shown;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.files.Sizes;

/** Plain text as UTF-8, read-only; only the first {@link #LIMIT} bytes of a long file, with a note saying so. */
final class TextViewer implements ViewerPane {

    /** More would make the text area slow and hold the file in memory; another program shows the rest. */
    static final int LIMIT = 2 * 1024 * 1024;

    record Read(String text, boolean cut) {
    }

    private final TextArea area = new TextArea();
    private final VBox root;

    TextViewer(Content content, BackgroundExecutor executor, UiText text) {
        area.setEditable(false);
        area.setWrapText(true);
        area.setPromptText(text.get("viewer.loading"));
        area.getStyleClass().add("text-viewer");
        Label note = new Label(text.format("viewer.textCut", Sizes.format(LIMIT, text.locale())));
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        Shown.set(note, false);
        root = new VBox(8, note, area);
        VBox.setVgrow(area, Priority.ALWAYS);
        executor.run(() -> read(content, LIMIT), read -> {
            area.setText(read.text());
            Shown.set(note, read.cut());
        }, failure -> area.setPromptText(text.get("viewer.failed")));
    }

    /** The first {@code limit} bytes as text; a character cut in half at the limit is left out. */
    static Read read(Content content, int limit) throws IOException {
        byte[] bytes;
        try (InputStream in = content.open(0)) {
            bytes = in.readNBytes(limit);
        }
        boolean cut = content.size() > bytes.length;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, !cut);
        if (!cut) {
            decoder.flush(out);
        }
        String s = out.flip().toString();
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        return new Read(s, cut);
    }

    TextArea area() {
        return area;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        area.clear();
    }
}
