package org.rcrp.handover.web.cases;

import java.util.Map;
import org.rcrp.handover.dispute.DisputeReviews;
import org.rcrp.handover.dispute.JdbcDisputeRecords;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.process.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The joint review queue for managers: settled disputes, both positions and names, and the learning note form. */
@Controller
class DisputesPageController {

    private final DisputeReviews reviews;
    private final Actors actors;

    DisputesPageController(DisputeReviews reviews, Actors actors) {
        this.reviews = reviews;
        this.actors = actors;
    }

    @GetMapping("/disputes")
    String page(Model model) {
        return page(Map.of(), null, model);
    }

    @PostMapping("/disputes/{id}/review")
    String review(@PathVariable String id, @RequestParam Map<String, String> answers, Model model, RedirectAttributes redirect) {
        try {
            reviews.review(id, answers.get("learningNote"), actors.current());
        } catch (InvalidInputException invalid) {
            return page(Map.of("learningNote", invalid.errors().get(0).message()), id, model);
        }
        redirect.addFlashAttribute("message", "Learning recorded.");
        return "redirect:/disputes";
    }

    private String page(Map<String, String> errors, String erroredDispute, Model model) {
        Actor actor = actors.current();
        if (!DisputeReviews.mayReview(actor)) {
            throw new AccessDeniedException("The joint review is for managers");
        }
        model.addAttribute("awaiting", reviews.inState(JdbcDisputeRecords.State.AWAITING_REVIEW));
        model.addAttribute("open", reviews.inState(JdbcDisputeRecords.State.OPEN));
        model.addAttribute("reviewed", reviews.inState(JdbcDisputeRecords.State.REVIEWED));
        model.addAttribute("errors", errors);
        model.addAttribute("erroredDispute", erroredDispute);
        return "cases/disputes";
    }
}
