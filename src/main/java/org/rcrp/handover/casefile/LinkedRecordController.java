package org.rcrp.handover.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.rcrp.handover.assurance.LinkedRecords;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.intake.CallRepository;
import org.rcrp.handover.intake.CaseNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Incidents, complaints, coroners' reports and serious harm linked to a case (docs/processes.md, Assurance). */
@RestController
@RequestMapping("/api/calls/{id}/linked-records")
@Tag(name = "Calls", description = "Log calls, read the case file, add new information")
class LinkedRecordController {

    private final LinkedRecords records;
    private final CallRepository calls;
    private final Actors actors;

    LinkedRecordController(LinkedRecords records, CallRepository calls, Actors actors) {
        this.records = records;
        this.calls = calls;
        this.actors = actors;
    }

    @PostMapping
    @Operation(summary = "Link an incident, complaint, coroner's report or serious harm to the case",
            description = "Managers and police supervisors (403 otherwise); 400 naming each invalid field; 404 for no such case")
    ResponseEntity<LinkedRecords.LinkedRecord> link(@PathVariable String id, @RequestBody LinkedRecords.NewLinkedRecord body) {
        Actor actor = actors.current();
        if (!LinkedRecords.mayLink(actor)) {
            throw new AccessDeniedException("Managers and police supervisors link records to cases");
        }
        calls.findById(id).orElseThrow(() -> new CaseNotFoundException(id));
        LinkedRecords.LinkedRecord linked = records.link(id, body, actor);
        return ResponseEntity.created(URI.create("/api/calls/" + id + "/linked-records/" + linked.id())).body(linked);
    }

    @GetMapping
    @Operation(summary = "The records linked to the case, oldest first", description = "Police staff and managers (403 otherwise)")
    List<LinkedRecords.LinkedRecord> list(@PathVariable String id) {
        Actor actor = actors.current();
        if (!LinkedRecords.mayRead(actor)) {
            throw new AccessDeniedException("Linked records are for police staff and managers");
        }
        calls.findById(id).orElseThrow(() -> new CaseNotFoundException(id));
        return records.of(id);
    }
}
