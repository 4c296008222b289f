package org.tanik.cli;

import java.util.concurrent.Callable;
import org.tanik.coordinator.CoordinatorDesk;
import org.tanik.coordinator.IntakeFetch;
import org.tanik.coordinator.IntakeLink;
import org.tanik.coordinator.imports.QuarantineLimits;
import org.tanik.session.OpenVault;
import org.tanik.work.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code intake fetch}: the coordinator fetches what volunteers sent to the organisation's intake and
 * imports it, printing the verdict lines exactly as {@code import} does, then how many bundles came.
 * The route goes to standard error first. The proxy is {@code --proxy} for this run, else the one in
 * the settings, and "never connect except through the proxy" holds as the settings say.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true)
final class IntakeFetchCommand implements Callable<Integer> {

    @Mixin
    VaultOptions options;

    @Option(names = "--proxy", paramLabel = "socks5://HOST:PORT", descriptionKey = "intake.fetch.proxy")
    String proxy;

    private final CommandContext ctx;
    /** The intake link for tests; null for the real sync client. */
    private final IntakeLink.Opener links;

    IntakeFetchCommand(CommandContext ctx) {
        this(ctx, null);
    }

    IntakeFetchCommand(CommandContext ctx, IntakeLink.Opener links) {
        this.ctx = ctx;
        this.links = links;
    }

    @Override
    public Integer call() {
        org.tanik.config.Settings settings = ctx.services.settings().load();
        String proxy = this.proxy != null ? this.proxy : settings.proxy();
        boolean proxyOnly = settings.proxyOnly();
        IntakeFetch.Result result = ctx.withVault(options, vault -> {
            IntakeFetch fetch = desk(vault).intakeFetch();
            IntakeFetch.Plan plan = fetch.plan(proxy, proxyOnly);
            ctx.terminal.err().println(plan.direct() ? ctx.text("cli.intake.routeDirect", plan.url())
                    : ctx.text("cli.intake.routeProxy", plan.proxy()));
            ctx.terminal.err().flush();
            return fetch.fetch(proxy, proxyOnly, QuarantineLimits.DEFAULT,
                    Progress.of((done, total, r) -> CoordinatorCommands.Import.printVerdict(ctx, r), () -> false));
        });
        ctx.terminal.out().println(ctx.text("cli.intake.fetched", result.fetched()));
        return CoordinatorCommands.Import.exitCode(result.verdicts());
    }

    private CoordinatorDesk desk(OpenVault vault) {
        return links == null ? ctx.desk(vault)
                : new CoordinatorDesk(vault, ctx.services.vocabulary(), ctx.services.clock(), links);
    }
}
