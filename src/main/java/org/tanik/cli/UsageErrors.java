package org.tanik.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Says a usage mistake (unknown option, missing argument, bad value) in the chosen language, then
 * the command's usage, as picocli's own handler does in English. picocli writes these sentences
 * itself, so they are rebuilt here from the exception's parts; a mistake of a kind not listed keeps
 * picocli's sentence.
 */
final class UsageErrors implements IParameterExceptionHandler {

    private final CommandContext ctx;

    UsageErrors(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(describe(ex));
        if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            err.println(ctx.text("cli.usage.didYouMean", String.join(", ", u.getSuggestions())));
        }
        cmd.usage(err);
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    String describe(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            return ctx.text("cli.usage.unknown", quoted(u.getUnmatched()));
        }
        if (ex instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
            return ctx.text("cli.usage.missing", m.getMissing().stream().map(UsageErrors::name).collect(Collectors.joining(", ")));
        }
        if (ex instanceof OverwrittenOptionException o && o.getOverwritten() != null) {
            return ctx.text("cli.usage.twice", name(o.getOverwritten()));
        }
        if (ex.getArgSpec() != null && ex.getValue() != null) {
            return ctx.text("cli.usage.invalidValue", name(ex.getArgSpec()), Terminal.oneLine(ex.getValue()));
        }
        return Terminal.oneLine(ex.getMessage());
    }

    /** What the person typed, escaped as the terminal shows file names. */
    private static String quoted(List<String> typed) {
        return typed.stream().map(Terminal::oneLine).collect(Collectors.joining(" "));
    }

    /** An option by its longest name, a parameter by its label, as the usage lines show them. */
    private static String name(ArgSpec arg) {
        if (arg instanceof OptionSpec o) {
            return o.longestName();
        }
        return ((PositionalParamSpec) arg).paramLabel();
    }
}
