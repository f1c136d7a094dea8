package org.rcrp.handover.dispute;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.rcrp.handover.identity.Actors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The joint review queue (docs/processes.md, Disputes between agencies): managers see settled disputes with their tier, both positions, outcome
 * and who stated them, and record the partnership's learning once it has reviewed one.
 */
@RestController
@RequestMapping("/api/disputes")
@Validated
@Tag(name = "Disputes", description = "Inter-agency disputes and their joint review")
class DisputeController {

    private final DisputeReviews reviews;
    private final Actors actors;

    DisputeController(DisputeReviews reviews, Actors actors) {
        this.reviews = reviews;
        this.actors = actors;
    }

    record Review(String learningNote) {
    }

    @GetMapping
    @Operation(summary = "Disputes in a state, oldest first (managers)", description = "AWAITING_REVIEW is the joint review queue")
    List<DisputeView> list(@RequestParam(defaultValue = "AWAITING_REVIEW") JdbcDisputeRecords.State state,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        if (!DisputeReviews.mayReview(actors.current())) {
            throw new AccessDeniedException("The joint review is for managers");
        }
        return reviews.inState(state, limit);
    }

    @PostMapping("/{id}/review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record the joint review's learning note (managers)",
            description = "400 without a learning note; 404 for no such dispute; 409 unless it awaits review")
    void review(@PathVariable String id, @RequestBody(required = false) Review body) {
        reviews.review(id, body == null ? null : body.learningNote(), actors.current());
    }
}
