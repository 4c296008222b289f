package org.tanik.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.i18n.Messages;
import org.tanik.session.OpenVault;
import org.tanik.volunteer.Membership;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Joins an organisation. The invitation is signed by the key it carries, so it proves nothing until
 * its fingerprint is compared with the coordinator's: everything is shown first, and nothing is stored
 * until the volunteer confirms (or a script passes the fingerprint it was told). What the invitation
 * holds (the name, the intake address) comes from whoever sent the file: one terminal line each.
 */
@Command(name = "enrol", mixinStandardHelpOptions = true)
final class EnrolCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;

    @Parameters(paramLabel = "INVITE", descriptionKey = "enrol.invite")
    Path invite;

    @Option(names = "--expect-fingerprint", paramLabel = "DIGITS", descriptionKey = "enrol.expect-fingerprint")
    String expectFingerprint;

    private final CommandContext ctx;

    EnrolCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        byte[] file;
        try {
            file = Files.readAllBytes(invite);
        } catch (IOException e) {
            throw new TanikException(Problem.IO_FAILURE, e, invite.toString());
        }
        Membership.check(file, ctx.services.clock()); // a broken or expired file is refused before the passphrase is asked
        PrintWriter out = ctx.terminal.out();
        try (OpenVault vault = ctx.open(options)) {
            Membership membership = new Membership(vault, ctx.services.clock());
            Membership.Offer offer;
            try {
                offer = membership.propose(file);
            } catch (TanikException e) {
                if (e.problem() != Problem.ENROLLED_ELSEWHERE) {
                    throw e;
                }
                ctx.terminal.err().println(Terminal.oneLine(new Messages(ctx.locale).describe(e)));
                ctx.terminal.err().println(Terminal.oneLine(ctx.text("cli.enrol.leaveCommand", e.args().get(0))));
                return Cli.PROBLEM;
            }
            Membership.Org inv = offer.organisation();
            show(offer);
            if (expectFingerprint != null) {
                if (!offer.fingerprintMatches(expectFingerprint)) {
                    throw new TanikException(Problem.FINGERPRINT_MISMATCH, inv.fingerprint(), expectFingerprint.strip());
                }
                out.println(ctx.text("cli.enrol.fingerprintExpected"));
            } else {
                out.println(ctx.text("cli.enrol.compareFirst"));
                out.flush();
                ctx.confirm(ctx.text("cli.enrol.question", ctx.text("cli.confirm.yes")), ctx.text("cli.enrol.noTerminal"));
            }
            Optional<Membership.Org> previous = membership.join(offer);
            // The organisation's name comes from the invitation file: one line of the terminal, whatever it holds.
            previous.filter(p -> offer.renamed()).ifPresent(p -> ctx.terminal.err().println(Terminal.oneLine(
                    ctx.text("cli.enrol.replaced", p.name(), inv.name()))));
            out.println(Terminal.oneLine(ctx.text("cli.enrol.joined", inv.name())));
            out.println(ctx.text("cli.enrol.orgFingerprint", inv.fingerprint()));
            out.println(ctx.text("cli.enrol.deviceFingerprint", offer.deviceFingerprint()));
            out.println(ctx.text("cli.enrol.compare"));
        }
        return 0;
    }

    /** Who invites, its fingerprint, whom bundles will be encrypted to, and for a renewal what changed. */
    private void show(Membership.Offer offer) {
        PrintWriter out = ctx.terminal.out();
        Membership.Org inv = offer.organisation();
        out.println(Terminal.oneLine(ctx.text("cli.enrol.invitation", inv.name())));
        out.println(ctx.text("cli.enrol.orgFingerprint", inv.fingerprint()));
        out.println(ctx.text("cli.enrol.deviceFingerprint", offer.deviceFingerprint()));
        recipients(inv.recipients());
        if (inv.intakeUrl() != null) {
            out.println(Terminal.oneLine(ctx.text("cli.enrol.intake", inv.intakeUrl())));
        }
        offer.current().ifPresent(current -> {
            out.println(ctx.text("cli.enrol.renewal"));
            if (offer.renamed()) {
                out.println(Terminal.oneLine(ctx.text("cli.enrol.renamed", current.name())));
            }
            if (offer.recipientsChanged()) {
                out.println(ctx.text("cli.enrol.recipientsChanged"));
                current.recipients().forEach(r -> out.println(Terminal.oneLine(ctx.text("cli.enrol.recipient", r))));
            }
            if (offer.intakeChanged()) {
                out.println(Terminal.oneLine(ctx.text("cli.enrol.intakeChanged",
                        current.intakeUrl() == null ? ctx.text("cli.enrol.noIntake") : current.intakeUrl())));
            }
            if (!offer.renamed() && !offer.recipientsChanged() && !offer.intakeChanged()) {
                out.println(ctx.text("cli.enrol.onlyDates"));
            }
        });
    }

    private void recipients(List<String> recipients) {
        PrintWriter out = ctx.terminal.out();
        out.println(ctx.text("cli.enrol.recipients", recipients.size()));
        recipients.forEach(r -> out.println(Terminal.oneLine(ctx.text("cli.enrol.recipient", r))));
    }
}
