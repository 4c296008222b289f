package org.tanik.cli;

import picocli.CommandLine.IVersionProvider;

/** The version written into the jar manifest from the pom. */
public final class VersionProvider implements IVersionProvider {

    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"tanik " + version()};
    }
}
