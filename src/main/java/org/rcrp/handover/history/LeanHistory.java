package org.rcrp.handover.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The history the product needs, and not every variable update (issue 25, docs/PERFORMANCE-TUNING.md). The engine runs
 * at history level {@code full}, so Cockpit shows where a case has been (activity instances), who did what (task
 * instances, identity links, operation log), the decisions with their inputs and outputs, incidents and the job log; but
 * with {@code rcrp.history.level=lean} (the default) its history is written by {@link LeanHistoryEventHandler}, which
 * drops the record of every variable change ({@code act_hi_detail}) and keeps in {@code act_hi_varinst} only the
 * {@link KeptVariables} the application reads back. The facts of a call, its notes and who did what are in our own
 * tables and the journal. {@code full} writes the engine's complete history again.
 * <p>
 * An event handler, not a custom {@code HistoryLevel}: the engine stores its history level in the database and refuses
 * to start on a database made at another level, so a custom level could not be switched on for an existing
 * database, nor back off; the handler can be switched either way at any restart.
 */
@Component
class LeanHistory extends AbstractProcessEnginePlugin {

    private final HistoryLevelSetting level;

    LeanHistory(@Value("${rcrp.history.level:lean}") String level) {
        this.level = HistoryLevelSetting.valueOf(level.trim().toUpperCase(Locale.ROOT));
    }

    HistoryLevelSetting level() {
        return level;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (level == HistoryLevelSetting.FULL) {
            return;
        }
        // In place of the engine's default writer, beside any other handler configured (composite: each sees every event).
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new LeanHistoryEventHandler());
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        configuration.setCustomHistoryEventHandlers(handlers);
    }
}
