package org.tanik.config;

/** The version written into the jar manifest from the pom; "dev" when run from classes. */
public final class AppVersion {
    private AppVersion() {
    }

    public static String current() {
        String v = AppVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
