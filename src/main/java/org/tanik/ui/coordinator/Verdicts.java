package org.tanik.ui.coordinator;

import org.tanik.coordinator.imports.ImportNote;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.ui.common.UiText;

/** Import verdicts in the coordinator's language; reasons and notes come as keys from the core. */
final class Verdicts {

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
            sb.append(r.reason().text(text.locale()));
        }
        if (r.verdict() == ImportResult.Verdict.QUARANTINED) {
            sb.append(text.format("verdict.quarantinedNote", r.device()));
        }
        if (r.verdict() == ImportResult.Verdict.IMPORTED) {
            sb.append(text.format("verdict.importedNote", r.records(), r.sequence()));
        }
        for (ImportNote note : r.notes()) {
            sb.append(sb.length() == 0 ? "" : " ").append(note.text(text.locale()));
        }
        return sb.toString();
    }
}
