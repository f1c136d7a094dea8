package org.rcrp.handover.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.metrics.Figures;
import org.rcrp.handover.metrics.FiguresCsv;
import org.rcrp.handover.metrics.FiguresSummary;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.InvalidInputException;
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
 * The managers' dashboard: a period picker, the summary's figures as tables with charts beside them
 * (Chart.js WebJar; every chart's numbers are in a table too), the per-agency breach table, the trend,
 * and the same figures as CSV. A bad period is shown next to its field; the page keeps what was typed.
 */
@Controller
class FiguresPageController {

    private static final Labels WORDS = new Labels();
    private static final Map<String, FieldMessages.Words> PERIOD = Map.of(
            "from", new FieldMessages.Words("the start of the period", "Enter the start of the period"),
            "to", new FieldMessages.Words("the end of the period", "Enter the end of the period"));
    private static final Map<String, String> LABELS = Map.of("from", "From", "to", "To");

    private final Figures figures;
    private final Actors actors;
    private final ObjectMapper json;

    FiguresPageController(Figures figures, Actors actors, ObjectMapper json) {
        this.figures = figures;
        this.actors = actors;
        this.json = json;
    }

    /** Shows numbers the way a manager reads them: minutes, percentages. */
    record Format() {
        public String minutes(Double seconds) {
            return seconds == null ? "—" : "%.1f".formatted(seconds / 60);
        }

        public String percent(Double share) {
            return share == null ? "—" : "%.1f%%".formatted(share * 100);
        }
    }

    @GetMapping("/figures")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        Actor actor = reader();
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("labels", LABELS);
        model.addAttribute("fmt", new Format());
        try {
            FiguresSummary summary = figures.summary(actor, from, to);
            model.addAttribute("errors", Map.of());
            model.addAttribute("summary", summary);
            model.addAttribute("from", summary.period().from().toString());
            model.addAttribute("to", summary.period().to().toString());
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
        return "figures";
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

    private Actor reader() {
        Actor actor = actors.current();
        if (!Figures.mayRead(actor)) {
            throw new AccessDeniedException("The figures are for managers");
        }
        return actor;
    }

    /** What each chart draws, as JSON for the page's script: labels and one or more series. */
    private Map<String, String> charts(FiguresSummary summary) {
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("categories", chart(inWords(summary.calls().byCategory().keySet()),
                Map.of("Calls", List.copyOf(summary.calls().byCategory().values()))));
        charts.put("routes", chart(inWords(summary.routes().keySet()), Map.of("Calls", List.copyOf(summary.routes().values()))));
        List<String> agencies = inWords(summary.agencies().stream().map(FiguresSummary.AgencyFigures::agency).toList());
        Map<String, List<?>> breaches = new LinkedHashMap<>();
        breaches.put("Acknowledgement breaches", summary.agencies().stream().map(FiguresSummary.AgencyFigures::acknowledgementBreaches).toList());
        breaches.put("Outcome breaches", summary.agencies().stream().map(FiguresSummary.AgencyFigures::outcomeBreaches).toList());
        breaches.put("Escalations", summary.agencies().stream().map(FiguresSummary.AgencyFigures::escalations).toList());
        charts.put("breaches", chart(agencies, breaches));
        Map<String, List<?>> trend = new LinkedHashMap<>();
        trend.put("Calls", summary.trend().stream().map(FiguresSummary.Day::calls).toList());
        trend.put("Police attended", summary.trend().stream().map(FiguresSummary.Day::policeAttended).toList());
        trend.put("Referred", summary.trend().stream().map(FiguresSummary.Day::referred).toList());
        trend.put("SLA breaches", summary.trend().stream().map(FiguresSummary.Day::slaBreaches).toList());
        charts.put("trend", chart(summary.trend().stream().map(day -> day.day().toString()).toList(), trend));
        return charts;
    }

    /** The charts' labels in words: the CSV keeps the codes, for machines. */
    private static List<String> inWords(java.util.Collection<?> codes) {
        return codes.stream().map(WORDS::of).toList();
    }

    private String chart(List<String> labels, Map<String, ? extends List<?>> series) {
        try {
            return json.writeValueAsString(Map.of("labels", labels, "series", series));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
