package org.rcrp.handover.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.rcrp.handover.casefile.LiveCaseCounts;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.CaseState;
import org.rcrp.handover.process.Groups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live operations meters on {@code /actuator/prometheus}: open cases by state, open tasks per group,
 * open escalations, open s136 handovers and the longest wait among them. One reading of the database
 * serves every gauge for {@code rcrp.metrics.live-refresh} (10 s), so scraping often costs nothing.
 * Every node reports the same cluster-wide values: aggregate them with max, not sum. The counters of
 * SLA breaches and escalations, and the handover timer, come from {@link FiguresRecorder} as they happen.
 */
@Component
public class LiveMeters implements MeterBinder {

    /** Candidate groups whose queues the meters watch. */
    static final List<String> GROUPS = groups();

    record Reading(Instant at, Map<CaseState, Long> cases, Map<String, LiveCaseCounts.GroupTasks> tasks,
                   long openEscalations, long openHandovers, Instant oldestArrival) {
    }

    private final LiveCaseCounts counts;
    private final JdbcTemplate jdbc;
    private final MetricsProperties properties;
    private Reading reading;
    private Instant readAt = Instant.EPOCH;

    private final Clock clock;

    public LiveMeters(LiveCaseCounts counts, JdbcTemplate jdbc, MetricsProperties properties, Clock clock) {
        this.clock = clock;
        this.counts = counts;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (CaseState state : CaseState.values()) {
            if (state != CaseState.CLOSED) {
                gauge(registry, "rcrp.cases.open", "Open cases by state", reading -> reading.cases().getOrDefault(state, 0L))
                        .tag("state", state.name()).register(registry);
            }
        }
        for (String group : GROUPS) {
            gauge(registry, "rcrp.tasks.open", "Open tasks per candidate group, waiting to be claimed or held",
                    reading -> reading.tasks().get(group).waiting()).tag("group", group).tag("held", "false").register(registry);
            gauge(registry, "rcrp.tasks.open", "Open tasks per candidate group, waiting to be claimed or held",
                    reading -> reading.tasks().get(group).held()).tag("group", group).tag("held", "true").register(registry);
        }
        gauge(registry, "rcrp.escalations.open", "Supervisor reviews nobody has decided yet", Reading::openEscalations).register(registry);
        gauge(registry, "rcrp.s136.handovers.open", "People at a place of safety not yet handed over", Reading::openHandovers)
                .register(registry);
        gauge(registry, "rcrp.s136.handover.longest.wait", "How long the longest-waiting open s136 handover has run",
                reading -> reading.oldestArrival() == null ? 0 : Duration.between(reading.oldestArrival(), now()).toSeconds())
                .baseUnit("seconds").register(registry);
    }

    private Gauge.Builder<LiveMeters> gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Reading> value) {
        return Gauge.builder(name, this, meters -> value.applyAsDouble(meters.reading())).description(description);
    }

    /** The current reading, taken again when older than the refresh interval. */
    synchronized Reading reading() {
        Instant wallClock = Instant.now();
        if (reading == null || Duration.between(readAt, wallClock).compareTo(properties.liveRefresh()) >= 0) {
            reading = read();
            readAt = wallClock;
        }
        return reading;
    }

    private Reading read() {
        Map<String, Object> handovers = jdbc.queryForMap("SELECT COUNT(*) AS n, MIN(arrived_at) AS oldest FROM rcrp_report_handover"
                + " WHERE ended_at IS NULL AND handed_over_at IS NULL");
        Long openEscalations = jdbc.queryForObject("SELECT COUNT(*) FROM rcrp_report_escalation WHERE resolution IS NULL", Long.class);
        Object oldest = handovers.get("oldest");
        return new Reading(now(), counts.openCasesByState(), counts.openTasksByGroup(GROUPS), openEscalations == null ? 0 : openEscalations,
                ((Number) handovers.get("n")).longValue(), oldest == null ? null : toInstant(oldest));
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    private Instant now() {
        return clock.instant();
    }

    private static List<String> groups() {
        List<String> groups = new ArrayList<>(List.of(Groups.CALL_HANDLERS, Groups.POLICE_SUPERVISORS, Groups.RESPONSE_OFFICERS));
        for (Agency agency : Agency.values()) {
            agency.candidateGroup().filter(group -> !groups.contains(group)).ifPresent(groups::add);
        }
        return List.copyOf(groups);
    }
}
