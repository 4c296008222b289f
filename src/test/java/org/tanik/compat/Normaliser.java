package org.tanik.compat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces what differs from run to run in CLI output by numbered placeholders, so two runs of the
 * same session can be compared byte for byte. Each distinct value gets the number of its first
 * appearance within its kind ({@code <uuid-1>}, {@code <uuid-2>}, …), so a value that appears twice
 * stays recognisably the same value. One instance per transcript.
 *
 * <p>Rules, applied in this order to each text:
 * <ol>
 * <li>fixed paths given to {@link #path} (the temp home) become their names, e.g. {@code <home>};</li>
 * <li>six-group fingerprints become {@code <fp-N>}; their first four groups (how verdicts and the
 * audit log name a device) become {@code <fp-N:4>}; other four-group fingerprints {@code <fp4-N>};</li>
 * <li>UUIDs {@code <uuid-N>}, and their first eight digits (the short ids {@code testimony list}
 * prints) {@code <uuid-N:8>}; age recipients {@code <age-N>}, hex of 16+ digits {@code <hex-N>}, base64
 * of 40+ characters {@code <b64-N>};</li>
 * <li>the Java runtime line of {@code --version} (issue 19) {@code Java <runtime>}: it names the JDK
 * the tests run on;</li>
 * <li>timestamps {@code <time>} and calendar dates near today (two days back to ninety ahead: creation
 * days, invitation expiries) {@code <date>}, not numbered: two steps a second apart may or may not
 * fall in the same minute, so numbering them would make runs differ. Dates far from today (those
 * inside testimonies) stay.</li>
 * </ol>
 */
final class Normaliser {

    private static final Pattern FP6 = Pattern.compile("(?<!\\d)\\d{5}(?: \\d{5}){5}(?!\\d)");
    private static final Pattern FP6_TIGHT = Pattern.compile("(?<!\\d)\\d{30}(?!\\d)");
    private static final Pattern FP4 = Pattern.compile("(?<!\\d)\\d{5}(?: \\d{5}){3}(?![ \\d]\\d)");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ID8 = Pattern.compile("(?<![0-9A-Za-z<-])[0-9a-f]{8}(?![0-9A-Za-z>-])");
    private static final Pattern AGE = Pattern.compile("age1[02-9ac-hj-np-z]{58}");
    private static final Pattern HEX = Pattern.compile("(?<![0-9A-Za-z])[0-9a-f]{16,}(?![0-9A-Za-z])");
    private static final Pattern B64 = Pattern.compile("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40,}={0,2}");
    private static final Pattern TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern RUNTIME = Pattern.compile("(?m)^Java \\d[^\\n]* \\([^\\n]*\\)$");
    private static final Pattern DATE = Pattern.compile("(?<![\\d-])\\d{4}-\\d{2}-\\d{2}(?![\\d-])");

    private final Map<String, String> paths = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> seen = new HashMap<>();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    /** Only the paths: for output on fixtures, whose ids, keys and times are fixed. */
    private boolean pathsOnly;

    /** A normaliser that replaces only the paths given to {@link #path}. */
    static Normaliser pathsOnly() {
        Normaliser n = new Normaliser();
        n.pathsOnly = true;
        return n;
    }

    /** Replaces every occurrence of {@code path} by {@code <name>} (longest paths first). */
    Normaliser path(java.nio.file.Path path, String name) {
        paths.put(path.toAbsolutePath().toString(), "<" + name + ">");
        return this;
    }

    String apply(String text) {
        List<String> keys = new ArrayList<>(paths.keySet());
        keys.sort((a, b) -> b.length() - a.length());
        for (String p : keys) {
            text = text.replace(p, paths.get(p));
        }
        if (pathsOnly) {
            return text;
        }
        text = RUNTIME.matcher(text).replaceAll("Java <runtime>");
        text = replace(text, FP6, m -> {
            String full = m.group();
            String name = placeholder("fp", full.replace(" ", ""));
            // The short form of this fingerprint gets the same number.
            seen.computeIfAbsent("fp4", k -> new LinkedHashMap<>())
                    .putIfAbsent(full.substring(0, 23), name.replace(">", ":4>"));
            return name;
        });
        text = replace(text, FP6_TIGHT, m -> placeholder("fp", m.group()));
        text = replace(text, FP4, m -> placeholder("fp4", m.group()));
        text = replace(text, UUID, m -> {
            String name = placeholder("uuid", m.group());
            seen.computeIfAbsent("id8", k -> new LinkedHashMap<>()).putIfAbsent(m.group().substring(0, 8),
                    name.replace(">", ":8>"));
            return name;
        });
        text = replace(text, ID8, m -> seen.getOrDefault("id8", Map.of()).getOrDefault(m.group(), m.group()));
        text = replace(text, AGE, m -> placeholder("age", m.group()));
        text = replace(text, HEX, m -> placeholder("hex", m.group()));
        text = replace(text, B64, m -> placeholder("b64", m.group()));
        text = TIME.matcher(text).replaceAll("<time>");
        text = replace(text, DATE, m -> {
            LocalDate d = LocalDate.parse(m.group());
            boolean recent = !d.isBefore(today.minusDays(2)) && !d.isAfter(today.plusDays(90));
            return recent ? "<date>" : m.group();
        });
        return text;
    }

    private String placeholder(String kind, String value) {
        Map<String, String> values = seen.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        return values.computeIfAbsent(value, v -> "<" + kind + "-" + (values.size() + 1) + ">");
    }

    private static String replace(String text, Pattern p, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
