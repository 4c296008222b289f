package org.tanik.ui.coordinator;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.tanik.coordinator.AuditText;
import org.tanik.coordinator.AuditTrail;
import org.tanik.model.DisplayText;

/**
 * The audit log, newest entry first: what was imported, held, refused, approved, revoked and
 * reviewed, when (in this computer's time zone) and about what, filtered as the coordinator types.
 * "Verify chain" runs the same check as {@code tanik audit verify} in the background and shows the
 * head hash to note down, and the newest checkpoint the organisation signed: a log cut short is still
 * a valid, shorter chain, so below a checkpoint the checkpoint reveals it, above it only a head hash
 * kept elsewhere. The detail column holds device fingerprints, bundle ids, labels, revocation
 * reasons and review notes, never testimony content, in the coordinator's language (entries whose
 * detail has no translation are shown as written). "Check archive" sits below, in its own controller.
 */
public final class AuditController {

    private static final PseudoClass BROKEN = PseudoClass.getPseudoClass("broken");

    /**
     * The log read in one go: entries, their details as sentences by sequence number (absent when an
     * entry cannot be read), and, when asked for, the check of the chain at that moment.
     */
    private record Snapshot(List<AuditTrail.Entry> entries, Map<Long, String> details, AuditTrail.Verification verification) {
    }

    private final CoordinatorContext ctx;
    private final AuditText auditText;
    /** Rendered once per load, off the FX thread: the filter reads them on every keystroke. */
    private final Map<Long, String> details = new HashMap<>();
    private final ObservableList<AuditTrail.Entry> entries = FXCollections.observableArrayList();
    private final FilteredList<AuditTrail.Entry> filtered = new FilteredList<>(entries);
    /** The last verification, and how many entries the log had then (null: not verified). */
    private AuditTrail.Verification verification;
    private int verifiedSize;
    private boolean busy;

    @FXML private BorderPane auditScreen;
    @FXML private Label filterLabel;
    @FXML private TextField filter;
    @FXML private Button verifyButton;
    @FXML private Button copyButton;
    @FXML private ProgressIndicator working;
    @FXML private Label countLabel;
    @FXML private Label result;
    @FXML private HBox headRow;
    @FXML private TextField headHash;
    @FXML private Label headNote;
    @FXML private Label checkpointLabel;
    @FXML private HBox signedHeadRow;
    @FXML private TextField signedHead;
    @FXML private TableView<AuditTrail.Entry> table;
    @FXML private TableColumn<AuditTrail.Entry, Long> seqColumn;
    @FXML private TableColumn<AuditTrail.Entry, Instant> timeColumn;
    @FXML private TableColumn<AuditTrail.Entry, String> actionColumn;
    @FXML private TableColumn<AuditTrail.Entry, String> subjectColumn;
    @FXML private TableColumn<AuditTrail.Entry, String> detailColumn;
    @FXML private ArchiveCheckController archiveCheckController;

    public AuditController(CoordinatorContext ctx) {
        this.ctx = ctx;
        this.auditText = new AuditText(ctx.text.locale());
    }

    @FXML
    private void initialize() {
        filterLabel.setLabelFor(filter);
        filter.textProperty().addListener((o, a, b) -> applyFilter());
        timeColumn.setText(ctx.text.format("audit.column.time", ZoneId.systemDefault().getId()));
        seqColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().seq()));
        seqColumn.setSortType(TableColumn.SortType.DESCENDING);
        timeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().at()));
        timeColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : ctx.dates.timeWithSeconds(t));
            }
        });
        actionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(action(c.getValue().action())));
        subjectColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(DisplayText.oneLine(c.getValue().subject())));
        detailColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(DisplayText.oneLine(detail(c.getValue()))));
        WrappingCell.install(actionColumn);
        WrappingCell.install(subjectColumn);
        WrappingCell.install(detailColumn);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditTrail.Entry e, boolean empty) {
                super.updateItem(e, empty);
                pseudoClassStateChanged(BROKEN, !empty && e != null && verification != null
                        && !verification.intact() && e.seq() == verification.firstBad());
            }
        });
        SortedList<AuditTrail.Entry> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSortOrder().add(seqColumn);
        showVerification();
        showCount();
    }

    /** The action as a phrase in the coordinator's language; an action this version does not know, as written. */
    String action(String action) {
        String key = "audit.action." + action;
        String phrase = ctx.text.get(key);
        return phrase.equals(key) ? action : phrase;
    }

    private String detail(AuditTrail.Entry e) {
        String sentence = details.get(e.seq());
        return sentence != null ? sentence : e.detail() == null ? ctx.text.get("audit.unreadable") : e.detail();
    }

    /** Reads the log again (the tab was opened, or the archive changed while it is shown). */
    void load() {
        run(false);
    }

    @FXML
    private void verify() {
        run(true);
    }

    private void run(boolean verify) {
        if (busy) {
            return;
        }
        busy = true;
        working.setVisible(true);
        verifyButton.setDisable(true);
        AuditText sentences = auditText;
        ctx.executor.run(() -> {
            // Verify first: an entry appended in between then shows as "changed since", never as verified.
            // With the organisation's key, so that a checkpoint it did not sign is found too.
            AuditTrail.Verification v = verify ? ctx.desk.verifyAudit() : null;
            List<AuditTrail.Entry> all = ctx.desk.auditEntries();
            Map<Long, String> said = new HashMap<>();
            for (AuditTrail.Entry e : all) {
                String sentence = sentences.detail(e);
                if (sentence != null) {
                    said.put(e.seq(), sentence);
                }
            }
            return new Snapshot(all, said, v);
        }, snapshot -> {
            done();
            if (!ctx.active) {
                return;
            }
            details.clear();
            details.putAll(snapshot.details());
            entries.setAll(snapshot.entries());
            if (snapshot.verification() != null) {
                verification = snapshot.verification();
                verifiedSize = verification.intact() ? (int) verification.entries() : snapshot.entries().size();
                if (!verification.intact()) {
                    showBroken(verification.firstBad());
                }
            }
            showVerification();
            showCount();
            table.refresh();
        }, failure -> {
            done();
            if (ctx.active) {
                ctx.alerts.error(CoordinatorContext.window(auditScreen), failure);
            }
        });
    }

    private void done() {
        busy = false;
        working.setVisible(false);
        verifyButton.setDisable(false);
    }

    private void showBroken(long seq) {
        filter.clear();
        table.getItems().stream().filter(e -> e.seq() == seq).findFirst().ifPresent(e -> {
            table.getSelectionModel().select(e);
            table.scrollTo(e);
        });
    }

    private void showVerification() {
        boolean stale = verification != null && verifiedSize != entries.size();
        result.getStyleClass().removeAll("audit-intact", "audit-broken", "text-muted");
        checkpointLabel.getStyleClass().removeAll("audit-broken", "text-muted");
        if (verification == null || stale) {
            result.setText(ctx.text.get(stale ? "audit.changedSince" : "audit.notVerified"));
            result.getStyleClass().add("text-muted");
            showHead(false);
            showCheckpoint(null);
            return;
        }
        if (verification.intact()) {
            result.setText(ctx.text.format("audit.intact", verification.entries()));
            result.getStyleClass().add("audit-intact");
            headHash.setText(verification.head());
            showHead(true);
        } else {
            String anchor = anchorProblem(verification);
            result.setText(verification.firstBad() < 0 ? anchor
                    : ctx.text.format("audit.broken", verification.firstBad(), verification.entries())
                            + (anchor == null ? "" : " " + anchor));
            result.getStyleClass().add("audit-broken");
            showHead(false);
        }
        showCheckpoint(verification);
    }

    private void showHead(boolean shown) {
        headRow.setVisible(shown);
        headNote.setVisible(shown);
        copyButton.setDisable(!shown);
        if (!shown) {
            headHash.clear();
        }
    }

    /** What the checkpoints say when the log does not reach them or one is not the organisation's; else null. */
    private String anchorProblem(AuditTrail.Verification v) {
        AuditTrail.Checkpoint c = v.checkpoint();
        return switch (v.anchor()) {
            case NONE, REACHED -> null;
            case CUT -> ctx.text.format("audit.cut", c.entries(), ctx.dates.timeWithSeconds(c.at()), v.entries());
            case REWRITTEN -> ctx.text.format("audit.rewritten", c.entries(), ctx.dates.timeWithSeconds(c.at()));
            case FORGED -> ctx.text.format("audit.forged", c.entries(), ctx.dates.timeWithSeconds(c.at()));
        };
    }

    /**
     * The newest signed checkpoint the log reaches, with its full form to keep elsewhere (the same
     * line the command line prints, which anyone can check with the organisation's public key).
     */
    private void showCheckpoint(AuditTrail.Verification v) {
        // Beyond a broken entry a checkpoint is only not contradicted, so "reaches" is said of an intact chain only.
        boolean reached = v != null && v.anchor() == AuditTrail.Anchor.REACHED && v.firstBad() < 0;
        signedHeadRow.setVisible(reached);
        signedHead.setText(reached ? v.checkpoint().fullForm() : "");
        checkpointLabel.setVisible(v != null && (reached || v.anchor() == AuditTrail.Anchor.NONE));
        if (reached) {
            AuditTrail.Checkpoint c = v.checkpoint();
            checkpointLabel.setText(ctx.text.format("audit.checkpoint", c.entries(), ctx.dates.timeWithSeconds(c.at()),
                    v.entries() - c.entries()));
        } else if (v != null && v.anchor() == AuditTrail.Anchor.NONE) {
            checkpointLabel.setText(ctx.text.get("audit.noCheckpoint"));
        } else {
            checkpointLabel.setText("");
        }
        checkpointLabel.getStyleClass().add("text-muted");
    }

    @FXML
    private void copyHead() {
        if (verification == null || !verification.intact() || headHash.getText().isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(verification.head());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        result.setText(ctx.text.format("audit.intact", verification.entries()) + " " + ctx.text.get("audit.copied"));
    }

    private void applyFilter() {
        String wanted = fold(filter.getText().strip());
        filtered.setPredicate(wanted.isEmpty() ? null : e -> fold(String.join("\n", Long.toString(e.seq()),
                ctx.dates.timeWithSeconds(e.at()), action(e.action()), e.action(), e.subject(), detail(e))).contains(wanted));
        showCount();
    }

    private void showCount() {
        countLabel.setText(ctx.text.format("audit.count", filtered.size(), entries.size()));
    }

    /** Case, accents and the Turkish dotted and dotless i do not matter when filtering ("içe" finds "İçe"). */
    static String fold(String s) {
        String lower = s.replace('İ', 'i').replace('I', 'i').replace('ı', 'i').toLowerCase(Locale.ROOT);
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{Mn}", "");
    }

    void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    void clear() {
        archiveCheckController.stop();
        archiveCheckController.clear();
        details.clear();
        entries.clear();
        verification = null;
        headHash.clear();
        signedHead.clear();
    }
}
