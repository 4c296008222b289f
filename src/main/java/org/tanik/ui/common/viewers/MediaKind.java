package org.tanik.ui.common.viewers;

import java.util.Locale;

/** What a viewer can do with a file: chosen by its media type, or by its name when the type is unknown. */
public enum MediaKind {
    IMAGE, PDF, TEXT, AUDIO, VIDEO, OTHER;

    public static MediaKind of(String mediaType, String fileName) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT).strip();
        int semicolon = type.indexOf(';');
        if (semicolon >= 0) {
            type = type.substring(0, semicolon).strip();
        }
        switch (type) {
            // What JavaFX decodes; other images (TIFF, HEIC, WebP) open in another program.
            case "image/jpeg", "image/png", "image/gif", "image/bmp" -> {
                return IMAGE;
            }
            case "application/pdf" -> {
                return PDF;
            }
            case "text/plain", "text/csv", "text/markdown" -> {
                return TEXT;
            }
            default -> {
            }
        }
        if (type.startsWith("audio/")) {
            return AUDIO;
        }
        if (type.startsWith("video/")) {
            return VIDEO;
        }
        if (!type.isEmpty() && !type.equals("application/octet-stream")) {
            return OTHER;
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "jpg", "jpeg", "png", "gif", "bmp" -> IMAGE;
            case "pdf" -> PDF;
            case "txt", "csv", "md" -> TEXT;
            case "wav", "mp3", "ogg", "m4a", "flac", "aac", "opus" -> AUDIO;
            case "mp4", "mov", "avi", "mkv", "webm", "3gp" -> VIDEO;
            default -> OTHER;
        };
    }

    /** "PDF", "JPEG"...: the media type's subtype, which people recognise; "application/…" for a long one. */
    public static String typeName(String mediaType) {
        if (mediaType == null || mediaType.isBlank()) {
            return "";
        }
        int slash = mediaType.indexOf('/');
        String sub = mediaType.substring(slash + 1);
        int semicolon = sub.indexOf(';');
        sub = semicolon >= 0 ? sub.substring(0, semicolon) : sub;
        if (sub.startsWith("vnd.") || sub.startsWith("x-") || sub.length() > 12) {
            return mediaType.substring(0, slash + 1) + "…";
        }
        return sub.toUpperCase(Locale.ROOT);
    }
}
