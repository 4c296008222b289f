package org.tanik.bundle;

import java.util.Objects;

/**
 * One file inside a bundle: a path such as {@code records/<id>/v1.json} and its exact bytes.
 * The array is not copied: do not change it while a writer uses it.
 */
public record BundleEntry(String path, byte[] content) {
    public BundleEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String toString() {
        return "BundleEntry(" + path + ", " + content.length + " bytes)";
    }
}
