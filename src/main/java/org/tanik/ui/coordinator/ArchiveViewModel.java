package org.tanik.ui.coordinator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.ArchivedTestimony;
import org.tanik.coordinator.VersionDiff;
import org.tanik.model.Attachment;
import org.tanik.model.Consent;
import org.tanik.model.ConsentMethod;
import org.tanik.model.ConsentScope;
import org.tanik.model.Device;
import org.tanik.model.DisplayText;
import org.tanik.model.Provenance;

/**
 * One archived testimony as the archive view shows it: the version numbers, each version's text, what
 * changed between two, where each came from and the review history, already said in the coordinator's
 * language. The controller only binds these to its controls; it reads nothing back from them.
 */
final class ArchiveViewModel {

    /** A version's provenance, each field as shown; {@code flagged}: verified, with something to look at. */
    record ProvenanceText(String device, String label, String bundle, String sequence, String sha256, String created,
                          String received, String imported, String verification, boolean flagged) {
    }

    /** One review decision as a row of the history table. */
    record HistoryRow(String when, String state, String note) {
    }

    /** The consent banner's three lines; {@code recorded} false for a record without consent. */
    record ConsentText(String headline, String covered, String notCovered, boolean recorded) {
    }

    private final CoordinatorContext ctx;
    private final ArchivedTestimony testimony;

    ArchiveViewModel(CoordinatorContext ctx, ArchivedTestimony testimony) {
        this.ctx = ctx;
        this.testimony = testimony;
    }

    List<Integer> versions() {
        return testimony.versions().stream().map(ArchivedTestimony.Version::number).toList();
    }

    Integer latest() {
        List<Integer> numbers = versions();
        return numbers.get(numbers.size() - 1);
    }

    /** The version before the latest, to compare with it; the latest when there is only one. */
    Integer previous() {
        List<Integer> numbers = versions();
        return numbers.size() > 1 ? numbers.get(numbers.size() - 2) : latest();
    }

    private Optional<ArchivedTestimony.Version> version(Integer v) {
        return v == null ? Optional.empty() : testimony.versions().stream().filter(e -> e.number() == v).findFirst();
    }

    /**
     * What the witness consents to now: the latest version's record (a narrowing or withdrawal is a
     * newer version). Old records, from before consent was recorded, say that there is none.
     */
    ConsentText consent() {
        Integer latest = latest();
        Consent c = version(latest).map(e -> e.testimony().content().consent()).orElse(null);
        if (c == null) {
            return new ConsentText(ctx.text.format("consent.archive.none", latest),
                    ctx.text.get("consent.archive.noneHint"), "", false);
        }
        String how = ctx.text.get(c.method() == ConsentMethod.ORAL ? "consent.archive.oral" : "consent.archive.written");
        String when = c.givenAt() == null ? ctx.text.get("consent.archive.noDate") : ctx.dates.date(c.givenAt());
        String by = c.takenBy().isEmpty() ? "" : " · " + ctx.text.format("consent.archive.takenBy",
                DisplayText.oneLine(c.takenBy()));
        String headline = ctx.text.format("consent.archive.current", latest) + " " + how + " · " + when + by;
        List<String> yes = new ArrayList<>();
        List<String> no = new ArrayList<>();
        for (ConsentScope s : ConsentScope.values()) {
            (c.covers(s) ? yes : no).add(ctx.text.get("consent.use." + s.code()));
        }
        String covered = yes.isEmpty() ? ctx.text.get("consent.archive.coversNothing")
                : ctx.text.format("consent.archive.covers", String.join(", ", yes));
        String notCovered = no.isEmpty() ? ctx.text.get("consent.archive.coversAll")
                : ctx.text.format("consent.archive.notCovered", String.join(", ", no));
        if (!c.note().isBlank()) {
            notCovered += "\n" + ctx.text.format("consent.archive.note", DisplayText.oneLine(c.note()));
        }
        return new ConsentText(headline, covered, notCovered, true);
    }

    /** The files of a version, as its content lists them. */
    List<Attachment> attachments(Integer v) {
        return version(v).map(e -> e.testimony().content().attachments()).orElse(List.of());
    }

    /** The version as text to read; empty when there is no such version. */
    Optional<String> text(Integer v) {
        return version(v).map(e -> TestimonyText.render(ctx, e.testimony()));
    }

    /** What changed from one version to the other; empty unless both exist. */
    List<VersionDiff.Change> changes(Integer from, Integer to) {
        Optional<ArchivedTestimony.Version> a = version(from);
        Optional<ArchivedTestimony.Version> b = version(to);
        return a.isEmpty() || b.isEmpty() ? List.of() : VersionDiff.between(a.get().testimony(), b.get().testimony());
    }

    /** Where the version came from; empty when the archive has no provenance for it. */
    Optional<ProvenanceText> provenance(Integer v) {
        return version(v).filter(e -> e.provenance() != null).map(e -> {
            Provenance p = e.provenance();
            Optional<Device> device = ctx.device(p.device());
            return new ProvenanceText(device.map(Device::fingerprint).orElse(p.device()),
                    device.map(Device::label).filter(l -> !l.isEmpty()).orElseGet(() -> ctx.text.get("provenance.noLabel")),
                    p.bundleId(), Long.toString(p.sequence()), p.bundleSha256(), ctx.dates.time(p.bundleCreatedAt()),
                    ctx.dates.time(p.receivedAt()), ctx.dates.time(p.importedAt()),
                    ctx.text.get(e.flagged() ? "provenance.verifiedFlagged" : "provenance.verified"), e.flagged());
        });
    }

    List<HistoryRow> history() {
        return history(ctx, testimony.history());
    }

    /** Review decisions as rows: when, the state (and the testimony it duplicates, by title), the note. */
    static List<HistoryRow> history(CoordinatorContext ctx, List<ArchivedTestimony.Review> reviews) {
        return reviews.stream().map(r -> new HistoryRow(ctx.dates.time(r.at()), ctx.reviewState(r.state())
                + (r.duplicateOf() == null ? "" : " → " + titleOf(ctx, r.duplicateOf())), r.note())).toList();
    }

    /** A testimony's title as the queue shows it; its id when the index does not know it. */
    static String titleOf(CoordinatorContext ctx, String id) {
        if (ctx.index() == null) {
            return id;
        }
        return ctx.index().all().stream().filter(i -> i.id().equals(id)).findFirst()
                .map(ArchiveItem::title).map(t -> t.isEmpty() ? ctx.text.get("list.untitled") : t).orElse(id);
    }
}
