package org.rcrp.handover.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.process.Groups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sharing what a partner needs (docs/processes.md, Sharing contact details): requests, decisions, and the log for managers. */
@RestController
@Validated
@Tag(name = "Sharing", description = "Partners ask for the caller's or family's contact details; police grant or refuse")
class ContactSharingController {

    private final ContactSharing sharing;
    private final ContactShares shares;
    private final Actors actors;
    private final ZoneId zone;

    private final Clock clock;

    ContactSharingController(ContactSharing sharing, ContactShares shares, Actors actors,
                             @Value("${rcrp.metrics.zone:Europe/London}") ZoneId zone, Clock clock) {
        this.clock = clock;
        this.sharing = sharing;
        this.shares = shares;
        this.actors = actors;
        this.zone = zone;
    }

    record ContactRequest(ContactShares.Whose whose, String purpose) {
    }

    record ContactDecision(ContactShares.Decision decision, String lawfulBasis, String sharingAgreement, String note) {
    }

    @PostMapping("/api/calls/{id}/contact-requests")
    @Operation(summary = "A partner holding a referral asks for the caller's or family contact's details",
            description = "201; 400 naming whose or purpose; 403 for police; 404 unless the partner's referral is open")
    ResponseEntity<ContactShares.Share> request(@PathVariable String id, @RequestBody ContactRequest body) {
        ContactShares.Share share = sharing.request(id, actors.current(), body.whose(), body.purpose());
        return ResponseEntity.created(URI.create("/api/calls/" + id + "/contact-requests/" + share.id())).body(share);
    }

    @GetMapping("/api/calls/{id}/contact-requests")
    @Operation(summary = "The case's contact requests (police: all; a partner: its own)")
    List<ContactShares.Share> list(@PathVariable String id) {
        return sharing.ofCase(id, actors.current());
    }

    @PostMapping("/api/calls/{id}/contact-requests/{requestId}/decision")
    @Operation(summary = "Grant or refuse a contact request (call handlers, police supervisors)",
            description = "400 naming lawfulBasis and sharingAgreement when a grant lacks them; 409 once decided")
    ContactShares.Share decide(@PathVariable String id, @PathVariable String requestId, @RequestBody ContactDecision body) {
        return sharing.decide(id, requestId, actors.current(), body.decision(), body.lawfulBasis(), body.sharingAgreement(),
                body.note());
    }

    @GetMapping("/api/sharing")
    @Operation(summary = "What was shared with whom, on which basis (managers)",
            description = "Decided requests in [from, to] (dates in the force's zone; default the last 31 days), newest first")
    List<ContactShares.Share> log(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> from,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> to,
                                  @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        Actor actor = actors.current();
        if (!actor.isIn(Groups.MANAGERS) && !actor.isIn(Groups.ADMINS)) {
            throw new AccessDeniedException("The sharing log is for managers");
        }
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate last = to.orElse(today);
        LocalDate first = from.orElse(last.minusDays(30));
        return shares.decidedBetween(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(), limit);
    }
}
