package org.tanik.cli;

import picocli.CommandLine.IVersionProvider;

/** The version written into the jar manifest from the pom. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"tanik " + org.tanik.config.AppVersion.current()};
    }
}
