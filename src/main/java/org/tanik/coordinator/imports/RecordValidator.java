package org.tanik.coordinator.imports;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tanik.model.Act;
import org.tanik.model.FieldLimits;
import org.tanik.model.Incident;
import org.tanik.model.Perpetrator;
import org.tanik.model.Status;
import org.tanik.model.Testimony;
import org.tanik.model.Vocabulary;

/**
 * Checks imported records beyond their JSON shape: only sealed versions travel, each version once,
 * and coded fields use codes the vocabulary knows.
 */
public final class RecordValidator {

    private final Vocabulary vocabulary;

    public RecordValidator(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * The first problem found, as the reason the bundle is refused, or null when every record is valid.
     * The reason goes into the audit log, so it names ids and codes only, never free text from the record.
     */
    public ImportNote firstProblem(List<Testimony> records) {
        Set<String> seen = new HashSet<>();
        for (Testimony t : records) {
            String key = t.id() + "/" + t.version();
            if (!seen.add(key)) {
                return ImportNote.of("import.reason.invalid.twice", t.version(), t.id());
            }
            if (t.status() != Status.SEALED || t.sealedAt() == null) {
                return ImportNote.of("import.reason.invalid.notSealed", t.id());
            }
            Optional<FieldLimits.Excess> excess = FieldLimits.firstExcess(t.content());
            if (excess.isPresent()) {
                return ImportNote.of("import.reason.invalid.tooLong", t.id(), excess.get().field(), excess.get().limit());
            }
            for (Incident i : t.content().incidents()) {
                for (Act a : i.acts()) {
                    if (!a.type().isEmpty() && vocabulary.violationType(a.type()).isEmpty()) {
                        return unknown("violationType", a.type());
                    }
                    if (!a.place().province().isEmpty() && vocabulary.province(a.place().province()).isEmpty()) {
                        return unknown("province", a.place().province());
                    }
                    for (Perpetrator p : a.perpetrators()) {
                        if (!p.institution().isEmpty() && vocabulary.institution(p.institution()).isEmpty()) {
                            return unknown("institution", p.institution());
                        }
                    }
                }
            }
        }
        return null;
    }

    /** An unknown code, quoted when it looks like one; otherwise only its length (it may be any text). */
    static ImportNote unknown(String field, String code) {
        return code.matches("[A-Za-z0-9_.-]{1,40}") ? ImportNote.of("import.reason.invalid." + field, code)
                : ImportNote.of("import.reason.invalid." + field + "Text", code.length());
    }
}
