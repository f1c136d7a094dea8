package org.rcrp.handover.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.rcrp.handover.support.KeptForms;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * For a form's page: what the person typed into it before they were signed out ({@link KeptForms}), once, and the notice
 * that says so ({@code fragments/kept :: notice}, shown when the model has {@code keptForm}).
 */
public final class KeptAnswers {

    private KeptAnswers() {
    }

    /** The fields kept for the page being shown, if any; the page then says they are back. */
    public static Optional<MultiValueMap<String, String>> restore(Model model) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        Optional<MultiValueMap<String, String>> kept = KeptForms.takeForThisPage(request).map(KeptForms.Kept::fields);
        kept.ifPresent(fields -> model.addAttribute("keptForm", true));
        return kept;
    }
}
