package org.tanik.coordinator;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tanik.bundle.BundleException;
import org.tanik.coordinator.imports.ImportNote;
import org.tanik.i18n.Texts;
import org.tanik.model.ReviewState;
import org.tanik.store.coordinator.AuditDetail;

/**
 * Reads the plain English details that audit entries held before {@link AuditDetail}, so they too
 * can be shown translated. Only the exact shapes those writers
 * produced are recognised; anything else stays as written. The entries themselves are never rewritten:
 * their bytes are part of the hash chain.
 */
final class LegacyAuditDetails {

    private static final String FP = "(\\d{5} \\d{5} \\d{5} \\d{5})";
    private static final Pattern IMPORT = Pattern.compile(
            "device " + FP + ", sequence (\\d{1,18}), (\\d{1,9}) new versions, file sha256 ([0-9a-f]{64})(, flagged)?");
    private static final Pattern QUARANTINED = Pattern.compile("device " + FP + ", sequence (\\d{1,18})");
    private static final Pattern REJECTED = Pattern.compile("device " + FP + ", sequence (\\d{1,18}): (.*)", Pattern.DOTALL);
    private static final Pattern REVIEW = Pattern.compile(
            "([A-Z_]+)(?: of ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))?(?:: (.*))?", Pattern.DOTALL);
    private static final String IDENTITY_EXPORT = "organisation identity written to a file";

    /** The importer's refusal sentences in English, each as a pattern that captures its arguments. */
    private static final List<Reason> REASONS = reasons();

    /** A sentence's key, its pattern, and how many of its characters are fixed text rather than arguments. */
    private record Reason(String key, Pattern pattern, int fixed) {
    }

    private LegacyAuditDetails() {
    }

    static Optional<AuditDetail> parse(String action, String text) {
        Matcher m;
        switch (action) {
            case "import" -> {
                if ((m = IMPORT.matcher(text)).matches()) {
                    return Optional.of(AuditDetail.of(m.group(5) == null ? "audit.detail.import" : "audit.detail.importFlagged",
                            m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), m.group(4)));
                }
            }
            case "import.quarantined" -> {
                if ((m = QUARANTINED.matcher(text)).matches()) {
                    return Optional.of(AuditDetail.of("audit.detail.quarantined", m.group(1), Long.parseLong(m.group(2))));
                }
            }
            case "import.rejected" -> {
                Optional<BundleException.Reason> unverified = bundleReason(text);
                if (unverified.isPresent()) {
                    return Optional.of(AuditDetail.of("audit.detail.rejectedUnverified",
                            AuditDetail.of(unverified.get().key())));
                }
                if ((m = REJECTED.matcher(text)).matches()) {
                    Object reason = reason(m.group(3)).<Object>map(r -> r).orElse(m.group(3));
                    return Optional.of(AuditDetail.of("audit.detail.rejected", m.group(1), Long.parseLong(m.group(2)),
                            reason));
                }
            }
            case "device.approve" -> {
                if (text.startsWith("label: ")) {
                    return Optional.of(AuditDetail.of("audit.detail.approve", text.substring(7)));
                }
            }
            case "device.revoke" -> {
                if (text.startsWith("reason: ")) {
                    return Optional.of(AuditDetail.of("audit.detail.revoke", text.substring(8)));
                }
            }
            case "review" -> {
                if ((m = REVIEW.matcher(text)).matches() && isState(m.group(1))) {
                    return Optional.of(ReviewDesk.auditDetail(ReviewState.valueOf(m.group(1)), m.group(2), m.group(3)));
                }
            }
            case "identity.export" -> {
                if (text.equals(IDENTITY_EXPORT)) {
                    return Optional.of(AuditDetail.of("audit.detail.identityExport"));
                }
            }
            default -> {
                // an action this release does not know: shown as written
            }
        }
        return Optional.empty();
    }

    /** A file refused before its manifest could be trusted was recorded by the name of the reason alone. */
    private static Optional<BundleException.Reason> bundleReason(String name) {
        for (BundleException.Reason r : BundleException.Reason.values()) {
            if (r.name().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static boolean isState(String name) {
        for (ReviewState s : ReviewState.values()) {
            if (s.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The refusal reason an English sentence says, with its arguments; empty when none matches. */
    static Optional<AuditDetail> reason(String english) {
        for (Reason r : REASONS) {
            Matcher m = r.pattern.matcher(english);
            if (m.matches()) {
                List<Object> args = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    args.add(m.group(i));
                }
                return Optional.of(new AuditDetail(r.key, args));
            }
        }
        return Optional.empty();
    }

    private static List<Reason> reasons() {
        List<Reason> out = new ArrayList<>();
        ResourceBundle imports = Texts.of(ImportNote.BUNDLE, Locale.ROOT).bundle();
        for (String key : Collections.list(imports.getKeys())) {
            if (key.startsWith("import.reason.")) {
                String sentence = imports.getString(key);
                pattern(sentence).ifPresent(p -> out.add(new Reason(key, p, sentence.replaceAll("\\{[^}]*}", "").length())));
            }
        }
        for (BundleException.Reason r : BundleException.Reason.values()) {
            String sentence = new BundleException(r).message(Locale.ENGLISH);
            out.add(new Reason(r.key(), Pattern.compile(Pattern.quote(sentence)), sentence.length()));
        }
        // The most specific sentence first (the most fixed text): "A testimony record is not valid: {0}." must
        // not swallow "A testimony record is not valid: version {0} of {1} appears twice.", nor a sentence
        // with an argument one without.
        out.sort((a, b) -> Integer.compare(b.fixed, a.fixed));
        return List.copyOf(out);
    }

    /** A MessageFormat pattern of simple arguments ({0}, {1}) as a regular expression capturing each. */
    private static Optional<Pattern> pattern(String messageFormat) {
        MessageFormat f = new MessageFormat(messageFormat, Locale.ENGLISH);
        int count = f.getFormatsByArgumentIndex().length;
        String[] marks = new String[count];
        for (int i = 0; i < count; i++) {
            marks[i] = "\u0000" + i + "\u0000";
        }
        String marked;
        try {
            marked = f.format(marks);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a number or choice argument: no such sentence is a refusal reason today
        }
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\u0000(\\d+)\u0000").matcher(marked);
        int at = 0;
        int next = 0;
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) != next++) {
                return Optional.empty(); // arguments out of order would need named groups; none are
            }
            regex.append(Pattern.quote(marked.substring(at, m.start()))).append("(.*)");
            at = m.end();
        }
        regex.append(Pattern.quote(marked.substring(at)));
        return Optional.of(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }
}
