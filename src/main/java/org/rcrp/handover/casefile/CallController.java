package org.rcrp.handover.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.intake.CallIntake;
import org.rcrp.handover.intake.CaseNotFoundException;
import org.rcrp.handover.intake.CaseUpdate;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.intake.ReferenceInUseException;
import org.rcrp.handover.process.CaseState;
import org.rcrp.handover.process.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Calls (cases): log, read, list, add information (README, The API in five calls; docs/api.md). */
@RestController
@RequestMapping("/api/calls")
@Validated
@Tag(name = "Calls", description = "Log calls, read the case file, add new information")
class CallController {

    private final CallIntake intake;
    private final CaseQueries queries;
    private final Actors actors;

    CallController(CallIntake intake, CaseQueries queries, Actors actors) {
        this.intake = intake;
        this.queries = queries;
        this.actors = actors;
    }

    record NewInformation(@NotBlank @Size(max = TextLimits.UPDATE_NOTE) String note, Boolean riskToLife, Boolean seriousHarm, Boolean crime) {
    }

    @PostMapping
    @Operation(summary = "Log a call", description = "201 with the new case; 200 with the existing case when the reference is known; "
            + "409 when the reference is a case the caller may not read (the answer names no case).")
    ResponseEntity<CaseView> log(@Valid @RequestBody NewCall call) {
        Actor actor = actors.current().requireMayChangeCases();
        CallIntake.Logged logged = intake.log(call, actor);
        CaseView view;
        try {
            view = queries.view(logged.call().id(), actor);
        } catch (CaseNotFoundException notTheirs) {
            // A known reference of a case this caller may not read: that the reference is taken, and nothing more.
            throw new ReferenceInUseException();
        }
        return logged.created()
                ? ResponseEntity.created(URI.create("/api/calls/" + view.id())).body(view)
                : ResponseEntity.ok().location(URI.create("/api/calls/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The case: state, route, who is responsible now, open tasks and timeline")
    CaseView get(@PathVariable String id) {
        return queries.view(id, actors.current());
    }

    @GetMapping
    @Operation(summary = "Cases, newest first (police staff); with q, the cases whose reference, person or place match",
            description = "q searches references, the person's name (also the same person spelt otherwise, as for previous"
                    + " contacts) and the address; police find every case, a partner only the cases it holds now (a referral"
                    + " open to it). Without q, police staff only (403).")
    List<CaseView.Summary> list(@RequestParam Optional<CaseState> state,
                                @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
                                @RequestParam Optional<@jakarta.validation.constraints.Size(max = 200) String> q) {
        Actor actor = actors.current();
        if (q.isPresent() && !q.get().isBlank()) {
            return queries.search(q.get(), limit, actor).stream().map(CaseView.Found::summary)
                    .filter(summary -> state.isEmpty() || summary.state() == state.get()).toList();
        }
        return queries.list(state, limit, actor);
    }

    @PostMapping("/{id}/updates")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "New information", description = "Raised risk re-opens triage or sends police at once; 409 on a closed case; "
            + "403 for managers, who read cases but do not change them.")
    void update(@PathVariable String id, @Valid @RequestBody NewInformation update) {
        Actor actor = actors.current().requireMayChangeCases();
        if (!queries.mayRead(id, actor)) {
            throw new CaseNotFoundException(id);
        }
        intake.addInformation(id, new CaseUpdate(update.note(), Boolean.TRUE.equals(update.riskToLife()),
                Boolean.TRUE.equals(update.seriousHarm()), Boolean.TRUE.equals(update.crime())), actor);
    }
}
