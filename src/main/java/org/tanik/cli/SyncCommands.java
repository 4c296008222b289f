package org.tanik.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tanik.config.Settings;
import org.tanik.i18n.Messages;
import org.tanik.model.Json;
import org.tanik.session.OpenVault;
import org.tanik.volunteer.Sending;
import org.tanik.work.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Sending the outbox to the organisation's intake, and what the outbox holds. The route goes to
 * standard error before anything is sent; one line (or one JSON element) per bundle goes to
 * standard output. Exit 0 when every bundle is delivered, else 1.
 */
final class SyncCommands {
    private SyncCommands() {
    }

    @Command(name = "send", mixinStandardHelpOptions = true)
    static final class Send implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Option(names = "--json", descriptionKey = "sync.send.json")
        boolean json;

        @Option(names = "--proxy", paramLabel = "socks5://HOST:PORT", descriptionKey = "sync.send.proxy")
        String proxy;

        private final CommandContext ctx;

        Send(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return ctx.withVault(options, vault -> {
                Sending sending = sending(ctx, vault).withProxy(proxy);
                Sending.RoutePlan route = sending.route();
                ctx.terminal.err().println(route.direct() ? ctx.text("cli.sync.routeDirect", route.intake())
                        : ctx.text("cli.sync.routeProxy", route.proxy().orElseThrow()));
                ctx.terminal.err().flush();
                List<Sending.Bundle> sent = sending.send(Progress.none());
                print(ctx, sent, json);
                return sent.stream().allMatch(b -> b.state() == Sending.State.DELIVERED) ? 0 : Cli.PROBLEM;
            });
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true)
    static final class Status implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Option(names = "--json", descriptionKey = "sync.status.json")
        boolean json;

        private final CommandContext ctx;

        Status(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return ctx.withVault(options, vault -> {
                List<Sending.Bundle> all = sending(ctx, vault).status();
                print(ctx, all, json);
                return all.stream().allMatch(b -> b.state() == Sending.State.DELIVERED) ? 0 : Cli.PROBLEM;
            });
        }
    }

    private static Sending sending(CommandContext ctx, OpenVault vault) {
        Settings s = ctx.services.settings().load();
        return new Sending(vault, ctx.services.clock(), ctx.services.couriers(),
                new Sending.Options(s.proxy(), s.proxyOnly()));
    }

    private static void print(CommandContext ctx, List<Sending.Bundle> bundles, boolean json) {
        Messages messages = new Messages(ctx.locale);
        if (json) {
            ArrayNode array = Json.mapper().createArrayNode();
            for (Sending.Bundle b : bundles) {
                ObjectNode o = array.addObject();
                o.put("sequence", b.sequence());
                o.put("bundleId", b.bundleId());
                o.put("sha256", b.sha256());
                o.put("state", b.state().name().toLowerCase(Locale.ROOT));
                if (b.state() == Sending.State.DELIVERED) {
                    o.put("receivedAt", b.receivedAt().toString());
                }
                b.problem().ifPresent(p -> {
                    o.put("problem", p.problem().name().toLowerCase(Locale.ROOT));
                    o.put("reason", messages.describe(p));
                });
            }
            try {
                ctx.terminal.out().println(Json.mapper().writeValueAsString(array));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        for (Sending.Bundle b : bundles) {
            String sequence = Long.toString(b.sequence());
            String line = switch (b.state()) {
                case DELIVERED -> ctx.text("cli.sync.delivered", sequence, b.shortSha256(), b.receivedAt().toString());
                case FAILED -> ctx.text("cli.sync.failed", sequence, b.shortSha256(),
                        b.problem().map(messages::describe).orElse(""));
                case WAITING -> ctx.text("cli.sync.waiting", sequence, b.shortSha256());
                case SENDING -> ctx.text("cli.sync.sending", sequence, b.shortSha256());
            };
            ctx.terminal.out().println(Terminal.oneLine(line));
        }
    }
}
