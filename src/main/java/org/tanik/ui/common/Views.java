package org.tanik.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads FXML under {@code org/tanik/ui/} in one language, building controllers through one factory. */
public final class Views {

    /** A loaded screen and its controller. */
    public record View<C>(Parent root, C controller) {
    }

    private final UiText text;
    private final ControllerFactory controllers;

    public Views(UiText text, ControllerFactory controllers) {
        this.text = text;
        this.controllers = controllers;
    }

    public <C> View<C> load(String resource) {
        URL url = Views.class.getResource("/org/tanik/ui/" + resource);
        if (url == null) {
            throw new IllegalStateException("Missing FXML " + resource);
        }
        FXMLLoader loader = new FXMLLoader(url, text.bundle());
        loader.setControllerFactory(controllers);
        try {
            Parent root = loader.load();
            TextDirection.keepLeftToRight(root);
            Fit.everything(root);
            return new View<>(root, loader.getController());
        } catch (IOException e) {
            // A broken FXML file is a programming error; the screen tests load every one.
            throw new UncheckedIOException(e);
        }
    }
}
