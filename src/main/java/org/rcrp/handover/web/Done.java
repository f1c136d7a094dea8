package org.rcrp.handover.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What a finished task says on the work page: what was done, and a link back to its case (it may have no task left). */
final class Done {

    private Done() {
    }

    static String backToWork(RedirectAttributes redirect, String message, String caseId, String reference) {
        redirect.addFlashAttribute("message", message);
        redirect.addFlashAttribute("messageCaseId", caseId);
        redirect.addFlashAttribute("messageCaseReference", reference);
        return "redirect:/work";
    }
}
