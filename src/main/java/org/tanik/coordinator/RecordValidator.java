package org.tanik.coordinator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tanik.model.Act;
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
     * The first problem found, as a short phrase, or null when every record is valid. The phrase goes
     * into the audit log, so it names ids and codes only, never free text from the record.
     */
    public String firstProblem(List<Testimony> records) {
        Set<String> seen = new HashSet<>();
        for (Testimony t : records) {
            String key = t.id() + "/" + t.version();
            if (!seen.add(key)) {
                return "version " + t.version() + " of " + t.id() + " appears twice";
            }
            if (t.status() != Status.SEALED || t.sealedAt() == null) {
                return t.id() + " is not sealed";
            }
            for (Incident i : t.content().incidents()) {
                for (Act a : i.acts()) {
                    if (!a.type().isEmpty() && vocabulary.violationType(a.type()).isEmpty()) {
                        return "unknown violation type " + shown(a.type());
                    }
                    if (!a.place().province().isEmpty() && vocabulary.province(a.place().province()).isEmpty()) {
                        return "unknown province code " + shown(a.place().province());
                    }
                    for (Perpetrator p : a.perpetrators()) {
                        if (!p.institution().isEmpty() && vocabulary.institution(p.institution()).isEmpty()) {
                            return "unknown institution " + shown(p.institution());
                        }
                    }
                }
            }
        }
        return null;
    }

    /** A code as sent, quoted, when it looks like one; otherwise only its length (it may be any text). */
    static String shown(String code) {
        return code.matches("[A-Za-z0-9_.-]{1,40}") ? "\"" + code + "\"" : "(" + code.length() + " characters, not a code)";
    }
}
