package org.tanik.ui.coordinator;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tanik.bundle.BundleException;
import org.tanik.coordinator.ImportResult;
import org.tanik.ui.common.UiText;

/**
 * Import verdicts in the coordinator's language. The importer reports reasons and notes as fixed
 * English sentences; those it can make are recognised here and translated, with their numbers kept.
 * A sentence not recognised (a newer core) is shown as it is rather than hidden.
 */
final class Verdicts {

    private record Known(Pattern pattern, String key) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known(Pattern.compile("the file is larger than any bundle may be"), "verdict.reason.tooLarge"),
            new Known(Pattern.compile("the file could not be read"), "verdict.reason.unreadable"),
            new Known(Pattern.compile("a different file with the same bundle id was already received \\(replay\\)"),
                    "verdict.reason.replayId"),
            new Known(Pattern.compile("it was made by a revoked device after its revocation"), "verdict.reason.revoked"),
            new Known(Pattern.compile("this device's bundle number (\\d+) was already received \\(replay\\)"),
                    "verdict.reason.replaySequence"),
            new Known(Pattern.compile("a testimony record is not valid: (.*)"), "verdict.reason.invalidRecord"),
            new Known(Pattern.compile("flagged: its device was revoked since \\((.*)\\)"), "verdict.note.flagged"),
            new Known(Pattern.compile("gap: bundle (\\d+) from this device has not arrived"), "verdict.note.gapOne"),
            new Known(Pattern.compile("gap: bundles (\\d+) to (\\d+) from this device have not arrived"),
                    "verdict.note.gapMany"),
            new Known(Pattern.compile("arrived late: bundle (\\d+) after bundle (\\d+)"), "verdict.note.late"),
            new Known(Pattern.compile("warning: bundle (\\d+) received earlier is not the one this bundle follows"),
                    "verdict.note.chain"));

    private final UiText text;

    Verdicts(UiText text) {
        this.text = text;
    }

    String verdict(ImportResult.Verdict v) {
        return text.get("verdict." + v.name());
    }

    /** The reason and the notes in one readable line (for the results table). */
    String details(ImportResult r) {
        StringBuilder sb = new StringBuilder();
        if (r.reason() != null) {
            sb.append(sentence(r.reason()));
        }
        if (r.verdict() == ImportResult.Verdict.QUARANTINED) {
            sb.append(text.format("verdict.quarantinedNote", r.device()));
        }
        if (r.verdict() == ImportResult.Verdict.IMPORTED) {
            sb.append(text.format("verdict.importedNote", r.records(), r.sequence()));
        }
        for (String note : r.notes()) {
            sb.append(sb.length() == 0 ? "" : " ").append(sentence(note));
        }
        return sb.toString();
    }

    /** One reason or note in the coordinator's language. */
    String sentence(String english) {
        for (BundleException.Reason reason : BundleException.Reason.values()) {
            if (reason.message().equals(english)) {
                return new BundleException(reason).message(text.locale());
            }
        }
        for (Known k : KNOWN) {
            Matcher m = k.pattern().matcher(english);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return text.format(k.key(), args);
            }
        }
        return capitalise(english);
    }

    private String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
