package org.tanik.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.AppServices;
import org.tanik.config.AppDirectories;
import org.tanik.crypto.Argon2Params;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.session.OpenVault;

/** The one opening every vault command shares: unlock, work, lock again whatever happens. */
class CommandContextTest {

    @TempDir
    Path home;

    private final StringWriter err = new StringWriter();

    private CommandContext context() {
        AppServices services = AppServices.create(new AppDirectories(home), Argon2Params.TESTING);
        Terminal terminal = new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                Map.of(CommandContext.PASSPHRASE_ENV, CliTest.PASS), p -> null);
        return new CommandContext(services, terminal, Locale.ENGLISH);
    }

    private CommandContext withVault() {
        CommandContext ctx = context();
        ctx.vaults.create(ctx.vaultDir(new VaultOptions()), CliTest.PASS.toCharArray()).close();
        return ctx;
    }

    @Test
    void theWorkGetsTheOpenVaultAndItIsLockedAfterwards() {
        CommandContext ctx = withVault();
        OpenVault[] seen = new OpenVault[1];
        String result = ctx.withVault(new VaultOptions(), vault -> {
            assertThat(vault.isOpen()).isTrue();
            seen[0] = vault;
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(seen[0].isOpen()).isFalse();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theVaultIsLockedWhenTheWorkFails() {
        CommandContext ctx = withVault();
        OpenVault[] seen = new OpenVault[1];
        assertThatThrownBy(() -> ctx.withVault(new VaultOptions(), vault -> {
            seen[0] = vault;
            throw new IllegalStateException("stop");
        })).hasMessage("stop");
        assertThat(seen[0].isOpen()).isFalse();
    }

    @Test
    void noVaultIsSaidBeforeAnyPassphraseIsRead() {
        CommandContext ctx = context();
        assertThatThrownBy(() -> ctx.withVault(new VaultOptions(), vault -> "never"))
                .isInstanceOfSatisfying(TanikException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NO_VAULT));
    }
}
