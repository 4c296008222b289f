package org.tanik.ui.common;

import java.time.Clock;
import org.tanik.model.Vocabulary;

/**
 * What the composition root hands every feature when it registers the feature's controllers: the
 * desktop's shared services for one set of screens, built in one language. {@code viewers} shows
 * attachments inside the app (and opens them elsewhere, after a warning).
 */
public record ScreenContext(BackgroundExecutor executor, UiText text, OpenDialogs dialogs, Alerts alerts,
                            FileChoices files, Views views, Navigation navigation, Vocabulary vocabulary, Clock clock,
                            org.tanik.ui.common.viewers.Viewers viewers) {
}
