package org.tanik.ui.common.files;

import java.text.NumberFormat;
import java.util.Locale;

/** File sizes as people read them: "812 B", "4.2 MB", with the language's decimal sign. */
public final class Sizes {

    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

    private Sizes() {
    }

    public static String format(long bytes, Locale locale) {
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(unit == 0 || value >= 100 ? 0 : 1);
        return number.format(value) + " " + UNITS[unit];
    }
}
