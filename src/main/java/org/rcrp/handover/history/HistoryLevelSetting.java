package org.rcrp.handover.history;

/** {@code rcrp.history.level}: how much of the engine's history this deployment keeps. */
enum HistoryLevelSetting {
    /** Everything the engine's {@code full} level writes but the variables' updates (see {@link LeanHistory}). */
    LEAN,
    /** The engine's own {@code full} history: every variable value and every change of it. */
    FULL
}
