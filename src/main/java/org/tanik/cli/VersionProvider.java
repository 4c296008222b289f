package org.tanik.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code tanik --version}: the app's version, then the Java runtime it runs on (issue 19). */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"tanik " + org.tanik.config.AppVersion.current(), runtime()};
    }

    /**
     * The runtime, as "Java 25.0.3+9-LTS (Eclipse Adoptium)": the installers carry their own, and which
     * one it is decides how fast bundles are sealed and whether the AOT cache serves (benchmarks.md).
     */
    static String runtime() {
        return "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")";
    }
}
