package org.tanik.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The controlled vocabularies (violation types, institutions, occupations, provinces), loaded from a
 * versioned data file so that codes and labels live in one place, not in enums across the code.
 */
public final class Vocabulary {

    private static final String RESOURCE = "/org/tanik/model/vocabulary-v1.json";

    private final int version;
    private final List<Term> violationTypes;
    private final List<Term> institutions;
    private final List<Term> occupations;
    private final List<Term> provinces;
    /** Code lookups by list: an import checks every code of every act against these. */
    private final java.util.Map<List<Term>, java.util.Map<String, Term>> byCode = new java.util.IdentityHashMap<>();

    private Vocabulary(int version, List<Term> violationTypes, List<Term> institutions,
                       List<Term> occupations, List<Term> provinces) {
        this.version = version;
        this.violationTypes = violationTypes;
        this.institutions = institutions;
        this.occupations = occupations;
        this.provinces = provinces;
        for (List<Term> terms : List.of(violationTypes, institutions, occupations, provinces)) {
            java.util.Map<String, Term> byCode = new java.util.HashMap<>();
            terms.forEach(t -> byCode.putIfAbsent(t.code(), t));
            this.byCode.put(terms, byCode);
        }
    }

    /** Loads the vocabulary shipped with the application. */
    public static Vocabulary load() {
        try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Vocabulary resource missing");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            return new Vocabulary(root.get("version").asInt(), terms(root.get("violationTypes")),
                    terms(root.get("institutions")), terms(root.get("occupations")), provinces(root.get("provinces")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Term> terms(JsonNode array) {
        List<Term> out = new ArrayList<>();
        for (JsonNode n : array) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("code")) {
                    labels.put(e.getKey(), e.getValue().asText());
                }
            }
            out.add(new Term(n.get("code").asText(), labels));
        }
        return List.copyOf(out);
    }

    private static List<Term> provinces(JsonNode array) {
        List<Term> out = new ArrayList<>();
        for (JsonNode n : array) {
            // Province names are proper nouns, written the same in every language.
            out.add(new Term(n.get("code").asText(), Map.of("en", n.get("name").asText())));
        }
        return List.copyOf(out);
    }

    public int version() {
        return version;
    }

    public List<Term> violationTypes() {
        return violationTypes;
    }

    public List<Term> institutions() {
        return institutions;
    }

    public List<Term> occupations() {
        return occupations;
    }

    public List<Term> provinces() {
        return provinces;
    }

    public Optional<Term> violationType(String code) {
        return find(violationTypes, code);
    }

    public Optional<Term> institution(String code) {
        return find(institutions, code);
    }

    public Optional<Term> province(String code) {
        return find(provinces, code);
    }

    public Optional<Term> occupation(String code) {
        return find(occupations, code);
    }

    /** Label of a violation code, or the code itself when it is not (or no longer) in the vocabulary. */
    public String violationLabel(String code, Locale locale) {
        return violationType(code).map(t -> t.label(locale)).orElse(code);
    }

    private Optional<Term> find(List<Term> terms, String code) {
        return Optional.ofNullable(byCode.get(terms).get(code));
    }
}
