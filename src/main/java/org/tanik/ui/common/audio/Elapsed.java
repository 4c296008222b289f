package org.tanik.ui.common.audio;

/** A length of time as a recorder or player shows it: 4:05, or 1:02:03 from an hour on. */
public final class Elapsed {

    private Elapsed() {
    }

    public static String format(long millis) {
        long s = Math.max(0, millis) / 1000;
        long h = s / 3600;
        long m = s / 60 % 60;
        long sec = s % 60;
        return h > 0 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(java.util.Locale.ROOT, "%d:%02d", m, sec);
    }
}
