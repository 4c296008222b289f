package org.tanik.ui.coordinator;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.stage.Window;
import org.tanik.coordinator.CoordinatorDesk;
import org.tanik.coordinator.FieldLabels;
import org.tanik.coordinator.search.SearchIndex;
import org.tanik.model.Device;
import org.tanik.model.DisplayText;
import org.tanik.model.Vocabulary;
import org.tanik.session.OpenVault;
import org.tanik.ui.common.Alerts;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.Dates;
import org.tanik.ui.common.FileChoices;
import org.tanik.ui.common.OpenDialogs;
import org.tanik.ui.common.UiText;

/**
 * What the coordinator's screens share: the coordinator's desk on the open organisation vault (with
 * its search index, built in the background after unlock), the device labels, and the UI services.
 * Fields that change are read and written on the FX thread only; the index is thread-safe.
 */
public final class CoordinatorContext {

    /** Every rule and every read of the archive goes through the desk: the screens only show and ask. */
    final CoordinatorDesk desk;
    final Vocabulary vocabulary;
    final Clock clock;
    final BackgroundExecutor executor;
    final UiText text;
    final Alerts alerts;
    final OpenDialogs dialogs;
    final FileChoices files;
    final Verdicts verdicts;
    final FieldLabels fieldLabels;
    /** The one date and time format of the language (ui.common.Dates). */
    final Dates dates;
    /** The SOCKS proxy for the intake ({@code socks5://HOST:PORT}), or blank for none; read from the settings. */
    final Supplier<String> proxy;
    /** "Never connect except through the proxy". */
    final BooleanSupplier proxyOnly;
    private final Map<String, Device> devices = new HashMap<>();
    /**
     * False once locked: late background results must not refill a discarded window. Volatile: a
     * running export reads it on its worker thread to stop at the lock.
     */
    volatile boolean active = true;

    public CoordinatorContext(OpenVault vault, Vocabulary vocabulary, Clock clock, BackgroundExecutor executor,
                              UiText text, Alerts alerts, OpenDialogs dialogs, FileChoices files) {
        this(new CoordinatorDesk(vault, vocabulary, clock), vocabulary, clock, executor, text, alerts, dialogs, files,
                () -> null, () -> false);
    }

    /**
     * @param desk      the desk on the open vault (tests give one with a fake intake link)
     * @param proxy     the proxy setting, read when a fetch starts
     * @param proxyOnly the "only through the proxy" setting
     */
    public CoordinatorContext(CoordinatorDesk desk, Vocabulary vocabulary, Clock clock, BackgroundExecutor executor,
                              UiText text, Alerts alerts, OpenDialogs dialogs, FileChoices files, Supplier<String> proxy,
                              BooleanSupplier proxyOnly) {
        this.desk = desk;
        this.proxy = proxy;
        this.proxyOnly = proxyOnly;
        this.vocabulary = vocabulary;
        this.clock = clock;
        this.executor = executor;
        this.text = text;
        this.alerts = alerts;
        this.dialogs = dialogs;
        this.files = files;
        this.verdicts = new Verdicts(text);
        this.fieldLabels = FieldLabels.forLocale(text.locale(), vocabulary);
        this.dates = text.dates();
    }

    /** The search index, or null until built (the queue shows a progress indicator meanwhile). */
    SearchIndex index() {
        return desk.index();
    }

    void devices(List<Device> all) {
        devices.clear();
        all.forEach(d -> devices.put(d.id(), d));
    }

    Collection<Device> devices() {
        return devices.values();
    }

    /** The device the registry names {@code id}, as last loaded. */
    Optional<Device> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    /** The coordinator's label for a device (by its registry id), with its fingerprint; just the fingerprint when unlabelled. */
    String deviceName(String id) {
        Device d = devices.get(id);
        if (d == null) {
            return id;
        }
        // The fingerprint's digit groups keep their order in an Arabic (right-to-left) table.
        String fingerprint = org.tanik.ui.common.TextDirection.inSentence(d.fingerprint(), text.locale());
        return d.label().isEmpty() ? fingerprint : DisplayText.oneLine(d.label()) + " · " + fingerprint;
    }

    String typeLabels(Collection<String> codes) {
        return codes.stream().map(c -> vocabulary.violationLabel(c, text.locale())).sorted()
                .collect(Collectors.joining(", "));
    }

    String provinceLabel(String code) {
        return vocabulary.province(code).map(t -> t.label(text.locale())).orElse(code);
    }

    String institutionLabel(String code) {
        return vocabulary.institution(code).map(t -> t.label(text.locale())).orElse(code);
    }

    String reviewState(org.tanik.model.ReviewState state) {
        return text.get("review.state." + state.name());
    }

    static Window window(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }
}
