package org.rcrp.handover.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rcrp.handover.identity.Actors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The manager figures (docs/figures.md): JSON, and the same figures as CSV. */
@RestController
@RequestMapping("/api/metrics")
@Tag(name = "Metrics", description = "The RCRP figures forces and partners report (managers)")
class MetricsController {

    private final Figures figures;
    private final Actors actors;

    MetricsController(Figures figures, Actors actors) {
        this.figures = figures;
        this.actors = actors;
    }

    @GetMapping("/summary")
    @Operation(summary = "The figures for the calls logged from `from` to `to` (ISO dates, both inclusive; default the last 30 days)")
    FiguresSummary summary(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return figures.summary(actors.current(), from, to);
    }

    @GetMapping(value = "/summary.csv", produces = "text/csv")
    @Operation(summary = "The same figures as CSV, one figure a line")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        FiguresSummary summary = figures.summary(actors.current(), from, to);
        return csvAttachment("rcrp-figures", summary.period().from(), summary.period().to(), FiguresCsv.of(summary));
    }

    @GetMapping("/assurance")
    @Operation(summary = "Assurance figures for the calls logged from `from` to `to`: quality reviews, linked records,"
            + " demographics by route, harm after a non-police decision, police redeployed after a referral")
    AssuranceSummary assurance(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return figures.assurance(actors.current(), from, to);
    }

    @GetMapping(value = "/assurance.csv", produces = "text/csv")
    @Operation(summary = "The same assurance figures as CSV, one figure a line")
    ResponseEntity<String> assuranceCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        AssuranceSummary summary = figures.assurance(actors.current(), from, to);
        return csvAttachment("rcrp-assurance", summary.period().from(), summary.period().to(), AssuranceCsv.of(summary));
    }

    /** A CSV download named for what it holds and its period. */
    private static ResponseEntity<String> csvAttachment(String name, Object from, Object to, String csv) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"%s-%s-to-%s.csv\"".formatted(name, from, to))
                .body(csv);
    }
}
