package org.rcrp.handover.web.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rcrp.handover.casefile.CaseQueries;
import org.rcrp.handover.casefile.ContactShares;
import org.rcrp.handover.casefile.ContactSharing;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.process.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A case's contact details page: a partner holding a referral asks for the caller's or family contact's details and sees
 * what police shared with it; police see the requests and grant (lawful basis, sharing agreement) or refuse each.
 */
@Controller
class ContactsPageController {

    private final CaseQueries cases;
    private final ContactSharing sharing;
    private final Actors actors;

    ContactsPageController(CaseQueries cases, ContactSharing sharing, Actors actors) {
        this.cases = cases;
        this.sharing = sharing;
        this.actors = actors;
    }

    @GetMapping("/cases/{id}/contacts")
    String page(@PathVariable String id, Model model) {
        return page(id, Map.of(), Map.of(), null, model);
    }

    @PostMapping("/cases/{id}/contacts/requests")
    String request(@PathVariable String id, @RequestParam Map<String, String> answers, Model model, RedirectAttributes redirect) {
        try {
            sharing.request(id, actors.current(), whose(answers.get("whose")), blankToNull(answers.get("purpose")));
        } catch (InvalidInputException invalid) {
            return page(id, answers, errors(invalid), null, model);
        }
        redirect.addFlashAttribute("message", "Request sent to police.");
        return "redirect:/cases/" + id + "/contacts";
    }

    @PostMapping("/cases/{id}/contacts/requests/{requestId}/decision")
    String decide(@PathVariable String id, @PathVariable String requestId, @RequestParam Map<String, String> answers, Model model,
                  RedirectAttributes redirect) {
        ContactShares.Decision decision;
        try {
            decision = answers.get("decision") == null ? null : ContactShares.Decision.valueOf(answers.get("decision"));
        } catch (IllegalArgumentException unknown) {
            decision = null;
        }
        try {
            sharing.decide(id, requestId, actors.current(), decision, blankToNull(answers.get("lawfulBasis")),
                    blankToNull(answers.get("sharingAgreement")), blankToNull(answers.get("note")));
        } catch (InvalidInputException invalid) {
            return page(id, answers, errors(invalid), requestId, model);
        }
        redirect.addFlashAttribute("message", "Decision recorded.");
        return "redirect:/cases/" + id + "/contacts";
    }

    private String page(String id, Map<String, String> answers, Map<String, String> errors, String requestId, Model model) {
        Actor actor = actors.current();
        model.addAttribute("case", cases.view(id, actor));
        model.addAttribute("requests", sharing.ofCase(id, actor));
        model.addAttribute("police", actor.isPolice());
        model.addAttribute("decides", ContactSharing.mayDecide(actor));
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors);
        model.addAttribute("erroredRequest", requestId);
        return "cases/contacts";
    }

    private static ContactShares.Whose whose(String value) {
        try {
            return value == null ? null : ContactShares.Whose.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Map<String, String> errors(InvalidInputException invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        invalid.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
        return errors;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
