package org.rcrp.handover.web.figures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.metrics.Figures;
import org.rcrp.handover.metrics.FiguresCsv;
import org.rcrp.handover.metrics.FiguresSummary;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Conveyance;
import org.rcrp.handover.process.RejectionReason;
import org.rcrp.handover.process.ReviewReason;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.process.SupervisorAction;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.InvalidInputException;
import org.rcrp.handover.process.SlaProperties;
import org.rcrp.handover.web.FieldMessages;
import org.rcrp.handover.web.Labels;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The managers' dashboard: a period picker with presets (links, so they work without JavaScript), a headline of calls
 * referred against calls police attended and the police hours released, the summary's figures as tables with charts
 * beside them (Chart.js WebJar; every chart's numbers are in a table too), times beside their targets (the configured
 * clocks, in words), the trend, and the same figures as CSV. A bad period is shown next to its field; the page keeps
 * what was typed.
 */
@Controller
class FiguresPageController {

    private static final Labels WORDS = new Labels();
    private static final Map<String, FieldMessages.Words> PERIOD = Map.of(
            "from", new FieldMessages.Words("the start of the period", "Enter the start of the period"),
            "to", new FieldMessages.Words("the end of the period", "Enter the end of the period"));
    private static final Map<String, String> LABELS = Map.of("from", "From", "to", "To");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final Figures figures;
    private final Actors actors;
    private final ObjectMapper json;
    private final SlaProperties sla;

    FiguresPageController(Figures figures, Actors actors, ObjectMapper json, SlaProperties sla) {
        this.figures = figures;
        this.actors = actors;
        this.json = json;
        this.sla = sla;
    }

    /** Shows numbers the way a manager reads them: minutes, percentages, days and clocks in words. */
    record Format() {
        public String minutes(Double seconds) {
            return seconds == null ? "—" : "%.1f".formatted(seconds / 60);
        }

        public String percent(Double share) {
            return share == null ? "—" : "%.1f%%".formatted(share * 100);
        }

        /** A code of the figures in words: the label of the value of that type ("Route", "REFER"), or the figures' own codes. */
        public String name(String type, String code) {
            return words(type, code);
        }

        /** A share as a whole percentage ("80%"), for the headline. */
        public String wholePercent(Double share) {
            return share == null ? "—" : Math.round(share * 100) + "%";
        }

        /** The width of a headline bar, 0 to 100, for an SVG attribute (inline styles are not allowed by the pages' policy). */
        public long width(Double share) {
            return share == null ? 0 : Math.round(Math.max(0, Math.min(1, share)) * 100);
        }

        public String day(LocalDate day) {
            return day == null ? "" : DAY.format(day);
        }

        /** A clock in words: "30 minutes", "1 hour", "4 hours", "1 hour 30 minutes". */
        public String duration(Duration duration) {
            if (duration == null) {
                return "—";
            }
            List<String> parts = new ArrayList<>();
            long hours = duration.toHours();
            int minutes = duration.toMinutesPart();
            int seconds = duration.toSecondsPart();
            if (hours > 0) {
                parts.add(hours + (hours == 1 ? " hour" : " hours"));
            }
            if (minutes > 0) {
                parts.add(minutes + (minutes == 1 ? " minute" : " minutes"));
            }
            if (seconds > 0 || parts.isEmpty()) {
                parts.add(seconds + (seconds == 1 ? " second" : " seconds"));
            }
            return String.join(" ", parts);
        }

        /** An ISO-8601 duration ("PT24H") in words. */
        public String duration(String iso) {
            return iso == null ? "—" : duration(Duration.parse(iso));
        }

        /** Hours with one decimal place ("10.0"). */
        public String hours(double hours) {
            return "%.1f".formatted(hours);
        }

        /** "2.5", or "2" for a whole number of hours. */
        public String number(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }
    }

    /** A ready-made period: a link to the figures of these days, marked when it is the period shown. */
    record Preset(String label, LocalDate from, LocalDate to, boolean current) {
    }

    /** The clocks the figures' times are measured against, from the configured timescales. */
    record Targets(Duration acknowledgement, Duration handover, Map<String, Duration> outcomeByAgency) {
        public Duration outcome(String agency) {
            return outcomeByAgency.get(agency);
        }
    }

    @GetMapping("/figures")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        Actor actor = reader();
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("labels", LABELS);
        model.addAttribute("fmt", new Format());
        model.addAttribute("targets", targets());
        model.addAttribute("presets", presets(null, null));
        try {
            FiguresSummary summary = figures.summary(actor, from, to);
            model.addAttribute("errors", Map.of());
            model.addAttribute("summary", summary);
            model.addAttribute("from", summary.period().from().toString());
            model.addAttribute("to", summary.period().to().toString());
            model.addAttribute("presets", presets(summary.period().from(), summary.period().to()));
            long referred = summary.routes().getOrDefault("REFER", 0L);
            model.addAttribute("referred", referred);
            model.addAttribute("referredShare", summary.calls().total() == 0 ? null : (double) referred / summary.calls().total());
            model.addAttribute("charts", charts(summary));
            model.addAttribute("assurance", figures.assurance(actor, from, to));
        } catch (InvalidInputException invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError error : invalid.errors()) {
                errors.put(error.field(), error.message().replaceFirst("^must be on or before to \\((.*)\\)$",
                        "must be on or before the end of the period ($1)"));
            }
            model.addAttribute("errors", FieldMessages.sentences(errors, PERIOD, WORDS));
        }
        return "figures/figures";
    }

    @GetMapping(value = "/figures.csv", produces = "text/csv")
    @ResponseBody
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        FiguresSummary summary = figures.summary(reader(), from, to);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rcrp-figures-%s-to-%s.csv\""
                        .formatted(summary.period().from(), summary.period().to()))
                .body(FiguresCsv.of(summary).getBytes(StandardCharsets.UTF_8));
    }

    private List<Preset> presets(LocalDate from, LocalDate to) {
        LocalDate today = figures.today();
        List<Preset> presets = new ArrayList<>();
        for (Object[] preset : new Object[][] {{"Today", today}, {"Last 7 days", today.minusDays(6)},
                {"This month", today.withDayOfMonth(1)}, {"Last 30 days", today.minusDays(29)}}) {
            LocalDate start = (LocalDate) preset[1];
            presets.add(new Preset((String) preset[0], start, today, start.equals(from) && today.equals(to)));
        }
        return presets;
    }

    private Targets targets() {
        Map<String, Duration> outcome = new LinkedHashMap<>();
        for (Agency agency : Agency.values()) {
            outcome.put(agency.name(), sla.partnerOutcomeByAgency().getOrDefault(agency, sla.partnerOutcome()));
        }
        return new Targets(sla.partnerAcknowledgement(), sla.handover(), outcome);
    }

    private Actor reader() {
        Actor actor = actors.current();
        if (!Figures.mayRead(actor)) {
            throw new AccessDeniedException("The figures are for managers");
        }
        return actor;
    }

    /**
     * What each chart draws, as JSON for the page's script: labels in words, the codes behind them ({@code keys}, which
     * pick a slice's colour and pattern), and one or more series, each with a key for its colour and pattern.
     */
    private Map<String, String> charts(FiguresSummary summary) {
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("categories", chart("Category", summary.calls().byCategory().keySet(), Map.of("calls", List.copyOf(summary.calls().byCategory().values()))));
        charts.put("routes", chart("Route", summary.routes().keySet(), Map.of("calls", List.copyOf(summary.routes().values()))));
        List<String> agencies = summary.agencies().stream().map(FiguresSummary.AgencyFigures::agency).toList();
        Map<String, List<?>> breaches = new LinkedHashMap<>();
        breaches.put("acknowledgementBreaches", summary.agencies().stream().map(FiguresSummary.AgencyFigures::acknowledgementBreaches).toList());
        breaches.put("outcomeBreaches", summary.agencies().stream().map(FiguresSummary.AgencyFigures::outcomeBreaches).toList());
        breaches.put("escalations", summary.agencies().stream().map(FiguresSummary.AgencyFigures::escalations).toList());
        charts.put("breaches", chart("Agency", agencies, breaches));
        Map<String, List<?>> trend = new LinkedHashMap<>();
        trend.put("calls", summary.trend().stream().map(FiguresSummary.Day::calls).toList());
        trend.put("police", summary.trend().stream().map(FiguresSummary.Day::policeAttended).toList());
        trend.put("referred", summary.trend().stream().map(FiguresSummary.Day::referred).toList());
        trend.put("breaches", summary.trend().stream().map(FiguresSummary.Day::slaBreaches).toList());
        DateTimeFormatter shortDay = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
        charts.put("trend", chart(summary.trend().stream().map(day -> day.day().format(shortDay)).toList(),
                summary.trend().stream().map(day -> day.day().toString()).toList(), trend));
        return charts;
    }

    /** The figures' own codes beside the enum values (FiguresQueries): calls not triaged, reviews not decided or overtaken. */
    private static final Map<String, String> FIGURE_CODES = Map.of("UNTRIAGED", "Not triaged", "OPEN", "Not decided yet",
            "CANCELLED", "Case moved on first", "NOT_RECORDED", "Not recorded");

    private static final Map<String, Class<? extends Enum<?>>> TYPES = Map.of("Route", Route.class, "Category", Category.class,
            "Source", Source.class, "Agency", Agency.class, "RejectionReason", RejectionReason.class, "ReviewReason", ReviewReason.class,
            "SupervisorAction", SupervisorAction.class, "Conveyance", Conveyance.class);

    static String words(String type, String code) {
        if (FIGURE_CODES.containsKey(code)) {
            return FIGURE_CODES.get(code);
        }
        Class<? extends Enum<?>> values = TYPES.get(type);
        for (Enum<?> value : values == null ? new Enum<?>[0] : values.getEnumConstants()) {
            if (value.name().equals(code)) {
                return WORDS.of(value);
            }
        }
        return WORDS.of(code);
    }

    private static final Map<String, String> SERIES = Map.of("calls", "Calls", "police", "Police attended", "referred", "Referred",
            "breaches", "SLA breaches", "acknowledgementBreaches", "Acknowledgement breaches", "outcomeBreaches", "Outcome breaches",
            "escalations", "Escalations");

    private String chart(String type, java.util.Collection<String> codes, Map<String, ? extends List<?>> series) {
        return chart(codes.stream().map(code -> words(type, code)).toList(), List.copyOf(codes), series);
    }

    private String chart(List<String> labels, List<String> keys, Map<String, ? extends List<?>> series) {
        List<Map<String, Object>> sets = new ArrayList<>();
        series.forEach((key, values) -> sets.add(Map.of("key", key, "label", SERIES.get(key), "values", values)));
        try {
            return json.writeValueAsString(Map.of("labels", labels, "keys", keys, "series", sets));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
