package org.tanik.ui.coordinator;

import java.util.function.Consumer;
import org.tanik.coordinator.OrganisationDesk;
import org.tanik.ui.common.BackgroundExecutor;
import org.tanik.ui.common.ControllerFactory;
import org.tanik.ui.common.Navigation;
import org.tanik.ui.common.ScreenContext;
import org.tanik.ui.common.UiText;
import org.tanik.ui.common.Views;

/** Registers the coordinator's window and its tabs, all built on one {@link CoordinatorContext}. */
public final class CoordinatorScreens {

    private CoordinatorScreens() {
    }

    public static ControllerFactory register(ControllerFactory controllers, ScreenContext screens,
                                             CoordinatorContext ctx) {
        Navigation flow = screens.navigation();
        Views views = screens.views();
        return controllers
                .with(CoordinatorController.class, () -> new CoordinatorController(ctx, flow, views))
                .with(QueueController.class, () -> new QueueController(ctx))
                .with(ArchiveViewController.class, () -> new ArchiveViewController(ctx, screens.viewers()))
                .with(VolunteersController.class, () -> new VolunteersController(ctx))
                .with(ImportController.class, () -> new ImportController(ctx))
                .with(StatisticsController.class, () -> new StatisticsController(ctx))
                .with(AuditController.class, () -> new AuditController(ctx))
                .with(ArchiveCheckController.class, () -> new ArchiveCheckController(ctx));
    }

    /** The organisation's set-up in a vault created for the coordinator (see {@link OrganisationSetUpController}). */
    public static ControllerFactory registerSetUp(ControllerFactory controllers, OrganisationDesk desk,
                                                  BackgroundExecutor executor, UiText text, Consumer<String> ready,
                                                  Runnable volunteerInstead) {
        return controllers.with(OrganisationSetUpController.class,
                () -> new OrganisationSetUpController(desk, executor, text, ready, volunteerInstead));
    }
}
