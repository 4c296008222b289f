package org.tanik.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tanik.session.OpenVault;
import org.tanik.volunteer.Membership;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Leaves the organisation this vault joined: the one deliberate step before joining another, so an
 * invitation can never move a vault to another organisation by itself. Asks first (or --yes), and
 * warns about sealed versions not yet sent, which would otherwise go to the next organisation joined.
 */
@Command(name = "leave-organisation", mixinStandardHelpOptions = true)
final class LeaveOrganisationCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;

    @Option(names = "--yes", descriptionKey = "leave-organisation.yes")
    boolean yes;

    private final CommandContext ctx;

    LeaveOrganisationCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PrintWriter out = ctx.terminal.out();
        try (OpenVault vault = ctx.open(options)) {
            Membership membership = new Membership(vault, ctx.services.clock());
            Membership.Leaving leaving = membership.leaving();
            Membership.Org current = leaving.organisation();
            out.println(Terminal.oneLine(ctx.text("cli.leave.current", current.name(), current.fingerprint())));
            if (leaving.unsent() > 0) {
                ctx.terminal.err().println(Terminal.oneLine(ctx.text("cli.leave.unsent", leaving.unsent(), current.name())));
            }
            if (!yes) {
                out.flush();
                ctx.terminal.err().flush();
                ctx.confirm(ctx.text("cli.leave.question", ctx.text("cli.confirm.yes")), ctx.text("cli.leave.noTerminal"));
            }
            membership.leave();
            out.println(Terminal.oneLine(ctx.text("cli.leave.done", current.name())));
        }
        return 0;
    }
}
