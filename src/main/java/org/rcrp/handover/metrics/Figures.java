package org.rcrp.handover.metrics;

import java.time.Clock;
import java.time.LocalDate;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.process.Groups;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** The one way in to the figures, for the API and the dashboard: who may see them, and for which days. */
@Service
public class Figures {

    private final FiguresQueries queries;
    private final MetricsProperties properties;
    private final AssuranceQueries assurance;

    private final Clock clock;

    public Figures(FiguresQueries queries, MetricsProperties properties, AssuranceQueries assurance, Clock clock) {
        this.clock = clock;
        this.queries = queries;
        this.properties = properties;
        this.assurance = assurance;
    }

    /** The assurance figures (quality reviews, linked records, demographics, harm, redeployment), for managers as the summary. */
    public AssuranceSummary assurance(Actor actor, String from, String to) {
        if (!mayRead(actor)) {
            throw new AccessDeniedException("The figures are for managers");
        }
        FiguresPeriod period = FiguresPeriod.parse(from, to, today(), properties.maxPeriodDays());
        return assurance.summary(period.from(), period.to());
    }

    /** Managers and admins read the figures; they cover no person's details, only counts and times. */
    public static boolean mayRead(Actor actor) {
        return actor.isIn(Groups.MANAGERS) || actor.isIn(Groups.ADMINS);
    }

    public FiguresSummary summary(Actor actor, String from, String to) {
        if (!mayRead(actor)) {
            throw new AccessDeniedException("The figures are for managers");
        }
        FiguresPeriod period = FiguresPeriod.parse(from, to, today(), properties.maxPeriodDays());
        return queries.summary(period.from(), period.to());
    }

    public FiguresPeriod period(String from, String to) {
        return FiguresPeriod.parse(from, to, today(), properties.maxPeriodDays());
    }

    /** Today in the force's zone, on the engine's clock: the day the period presets count from. */
    public LocalDate today() {
        return clock.instant().atZone(properties.zone()).toLocalDate();
    }
}
