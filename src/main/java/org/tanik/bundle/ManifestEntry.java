package org.tanik.bundle;

/** One line of the manifest's table of contents: an entry's path, exact size and SHA-256 (lower-case hex). */
public record ManifestEntry(String path, long size, String sha256) {
}
