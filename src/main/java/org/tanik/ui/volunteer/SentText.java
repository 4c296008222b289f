package org.tanik.ui.volunteer;

import java.util.Optional;
import org.tanik.model.SentStatus;
import org.tanik.model.Status;
import org.tanik.ui.common.UiText;

/**
 * What the list and the editor say about a testimony's state: draft, ready to send, sent in
 * bundle N on a date, delivered on a date. Whether it counts as sent is {@link SentStatus#covers}'s
 * to say; this only words it.
 */
final class SentText {

    private SentText() {
    }

    static String of(UiText text, Status status, int latestVersion, Optional<SentStatus> sent) {
        if (sent.isPresent() && sent.get().covers(latestVersion)) {
            SentStatus s = sent.get();
            return s.delivered().map(at -> text.format("sent.delivered", s.bundle(), text.dates().date(at)))
                    .orElseGet(() -> text.format("sent.inBundle", s.bundle(), text.dates().date(s.exportedAt())));
        }
        String state = text.get("status." + status.name());
        return sent.map(s -> text.format("sent.earlier", state, s.version(), s.bundle(),
                text.dates().date(s.exportedAt()))).orElse(state);
    }
}
