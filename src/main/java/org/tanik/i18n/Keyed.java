package org.tanik.i18n;

/**
 * Something a person is told about in their own language: a sentence in a resource-bundle family,
 * chosen by key, with non-secret arguments. Problems and refused bundles carry only this, never
 * English prose, so every face translates them the same way ({@link Messages}).
 */
public interface Keyed {

    /** The resource-bundle family that holds the sentence, e.g. {@code org.tanik.i18n.errors}. */
    String family();

    /** The sentence's key in {@link #family()}. */
    String key();

    /** The values for the sentence's placeholders: paths, names, limits; never testimony or keys. */
    default Object[] arguments() {
        return new Object[0];
    }
}
