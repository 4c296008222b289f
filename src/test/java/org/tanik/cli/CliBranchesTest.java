package org.tanik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.AppServices;
import org.tanik.config.AppDirectories;
import org.tanik.crypto.Argon2Params;
import picocli.CommandLine;

/**
 * A command line that names its command gets only that branch of the tree (issue 19, start-up): the
 * branch must be the very one the whole tree holds under that name, with the same help, and anything
 * else must still get the whole tree.
 */
class CliBranchesTest {

    @TempDir
    Path home;

    @Test
    void eachBranchIsTheWholeTreesBranchOfThatName() {
        CommandContext ctx = context();
        CommandLine whole = Cli.commandLine(ctx);
        assertThat(whole.getSubcommands()).hasSize(16);
        for (String name : whole.getSubcommands().keySet()) {
            CommandLine partial = Cli.commandLine(ctx, new String[] {name, "--help"});
            assertThat(partial.getSubcommands().keySet()).as(name).containsExactly(name);
            CommandLine expected = whole.getSubcommands().get(name);
            CommandLine actual = partial.getSubcommands().get(name);
            assertThat(usages(actual)).as(name).isEqualTo(usages(expected));
        }
    }

    @Test
    void helpMistakesAndNoCommandGetTheWholeTree() {
        CommandContext ctx = context();
        int all = Cli.commandLine(ctx).getSubcommands().size();
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"testimonyy", "list"},
                new String[] {"-V", "testimony"})) {
            assertThat(Cli.commandLine(ctx, args).getSubcommands()).as(String.join(" ", args)).hasSize(all);
        }
        assertThat(Cli.commandLine(ctx, new String[] {"--version"}).getSubcommands()).isEmpty();
    }

    /** Every command's --help text in the branch, depth first. */
    private static List<String> usages(CommandLine commandLine) {
        List<String> out = new ArrayList<>();
        out.add(commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF));
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            out.addAll(usages(sub));
        }
        return out;
    }

    private CommandContext context() {
        AppServices services = AppServices.create(new AppDirectories(home), Argon2Params.TESTING);
        Terminal terminal = new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.of(), prompt -> null);
        return new CommandContext(services, terminal, Locale.forLanguageTag("tr"));
    }
}
