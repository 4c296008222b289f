package org.tanik.coordinator.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.tanik.store.coordinator.CoordinatorStores;

/**
 * Admissions made in one transaction (group commit): the payloads they renamed into the archive,
 * made durable before the rows commit and removed again if anything fails, and what to do once the
 * transaction committed (the search index follows only committed work).
 */
final class GroupCommit {

    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<String> renamed = new ArrayList<>();

    private GroupCommit() {
    }

    /** A payload file was given its final name (or a held file kept) for {@code bundleId}. */
    void renamed(String bundleId) {
        renamed.add(bundleId);
    }

    /** Runs {@code work} once the transaction has committed and the verdicts are reported. */
    void afterCommit(Runnable work) {
        afterCommit.add(work);
    }

    /**
     * Runs the admissions in one transaction; returns what to do now that it committed. If anything
     * fails, none of them is stored and the payloads they renamed are removed.
     */
    static List<Runnable> run(CoordinatorStores stores, Consumer<GroupCommit> admissions) {
        GroupCommit group = new GroupCommit();
        try {
            stores.inTransaction(() -> {
                admissions.accept(group);
                if (!group.renamed.isEmpty()) {
                    stores.archive().payloads().syncDirectory();
                }
            });
        } catch (RuntimeException e) {
            group.renamed.forEach(id -> {
                stores.archive().payloads().discard(id);
                stores.archive().payloads().dropHeld(id);
            });
            throw e;
        }
        return group.afterCommit;
    }
}
