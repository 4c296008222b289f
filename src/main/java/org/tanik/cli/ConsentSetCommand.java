package org.tanik.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Attachment;
import org.tanik.model.Consent;
import org.tanik.model.ConsentMethod;
import org.tanik.model.ConsentScope;
import org.tanik.model.Json;
import org.tanik.model.Testimony;
import org.tanik.session.OpenVault;
import org.tanik.volunteer.Attachments;
import org.tanik.volunteer.Drafts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Records what the witness consented to, from a JSON file: {@code method} and {@code scopes} are
 * required; {@code givenAt} is now when absent; {@code takenBy}, {@code note} and
 * {@code formAttachment} (an attachment id or prefix) are optional. An unknown code or field is refused.
 */
@Command(name = "set", mixinStandardHelpOptions = true)
final class ConsentSetCommand implements Callable<Integer> {

    private static final Set<String> FIELDS = Set.of("method", "givenAt", "takenBy", "scopes", "formAttachment", "note");

    @Mixin
    VaultOptions options;

    @Parameters(paramLabel = "TESTIMONY_ID", descriptionKey = "consent.set.testimony")
    String testimonyId;

    @Option(names = "--json", paramLabel = "FILE", required = true, descriptionKey = "consent.set.json")
    Path jsonFile;

    private final CommandContext ctx;

    ConsentSetCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        JsonNode json = read();
        try (OpenVault vault = ctx.open(options)) {
            Consent consent = parse(json, new Attachments(vault));
            Testimony t = new Drafts(vault).consent(testimonyId, consent);
            ctx.terminal.out().println(ctx.text("cli.consent.saved", t.id(), t.version(),
                    consent.scopes().stream().map(ConsentScope::code).collect(Collectors.joining(", "))));
        }
        return 0;
    }

    private JsonNode read() {
        try {
            return Json.mapper().readTree(Files.readAllBytes(jsonFile));
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                throw invalid("cli.json.malformed");
            }
            throw new TanikException(Problem.IO_FAILURE, e, jsonFile.toString());
        }
    }

    private Consent parse(JsonNode o, Attachments attachments) {
        if (o == null || !o.isObject()) {
            throw invalid("cli.consent.notObject");
        }
        for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw invalid("cli.consent.unknownField", Terminal.oneLine(name));
            }
        }
        ConsentMethod method = method(text(o, "method", true));
        JsonNode scopes = o.get("scopes");
        if (scopes == null || !scopes.isArray()) {
            throw invalid("cli.consent.badValue", "scopes");
        }
        List<ConsentScope> list = new ArrayList<>();
        for (JsonNode s : scopes) {
            list.add(scope(s.isTextual() ? s.textValue() : s.toString()));
        }
        String given = text(o, "givenAt", false);
        Instant givenAt;
        try {
            givenAt = given == null ? ctx.services.clock().instant() : Instant.parse(given);
        } catch (DateTimeParseException e) {
            throw invalid("cli.consent.badValue", "givenAt");
        }
        String form = text(o, "formAttachment", false);
        return new Consent(method, givenAt, text(o, "takenBy", false), list,
                form == null ? null : formAttachment(attachments, form), text(o, "note", false));
    }

    /** The signed form's photo must be one of this testimony's attachments. */
    private String formAttachment(Attachments attachments, String idOrPrefix) {
        List<Attachment> matches = attachments.list(testimonyId).stream()
                .filter(a -> a.id().startsWith(idOrPrefix.strip().toLowerCase(java.util.Locale.ROOT))).toList();
        if (idOrPrefix.strip().length() < 4 || matches.size() != 1) {
            throw new TanikException(matches.size() > 1 ? Problem.ATTACHMENT_AMBIGUOUS : Problem.ATTACHMENT_NOT_FOUND,
                    Terminal.oneLine(idOrPrefix));
        }
        return matches.get(0).id();
    }

    private ConsentMethod method(String code) {
        try {
            return ConsentMethod.of(code);
        } catch (IllegalArgumentException e) {
            throw invalid("cli.consent.unknownMethod", Terminal.oneLine(code), codes(ConsentMethod.values()));
        }
    }

    private ConsentScope scope(String code) {
        try {
            return ConsentScope.of(code);
        } catch (IllegalArgumentException e) {
            throw invalid("cli.consent.unknownScope", Terminal.oneLine(code), codes(ConsentScope.values()));
        }
    }

    private static String codes(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v instanceof ConsentMethod m ? m.code() : ((ConsentScope) v).code())
                .collect(Collectors.joining(", "));
    }

    private String text(JsonNode o, String field, boolean required) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw invalid("cli.consent.badValue", field);
            }
            return null;
        }
        if (!n.isTextual()) {
            throw invalid("cli.consent.badValue", field);
        }
        return n.textValue();
    }

    private TanikException invalid(String key, Object... args) {
        return new TanikException(Problem.INVALID_INPUT, ctx.text(key, args));
    }
}
