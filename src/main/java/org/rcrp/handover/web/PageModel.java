package org.rcrp.handover.web;

import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.identity.IdentityProperties;
import org.rcrp.handover.process.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page shows: who is signed in, what their role lets them open, whether this is the demo identity, the due clock. */
@ControllerAdvice(annotations = Controller.class, basePackages = {"org.rcrp.handover.web", "org.rcrp.handover.errors"})
public class PageModel {

    private final IdentityProperties identity;
    private final DueClock clock = new DueClock();
    private final Labels labels = new Labels();

    PageModel(IdentityProperties identity) {
        this.identity = identity;
    }

    @ModelAttribute
    public void common(Model model, Authentication authentication) {
        model.addAttribute("clock", clock);
        model.addAttribute("words", labels); // "labels" are a form's field names (fragments/forms)
        model.addAttribute("demoIdentity", identity.mode() == IdentityProperties.Mode.DEMO);
        model.addAttribute("userName", authentication == null ? null : authentication.getName());
        model.addAttribute("nav", authentication == null ? Navigation.NONE : Navigation.of(Actors.of(authentication)));
    }

    /** The header links a user's groups open; the controllers check the same rules again. */
    record Navigation(boolean logCalls, boolean escalations, boolean figures) {

        static final Navigation NONE = new Navigation(false, false, false);

        static Navigation of(Actor actor) {
            return new Navigation(actor.mayChangeCases(), actor.isIn(Groups.POLICE_SUPERVISORS),
                    actor.isIn(Groups.MANAGERS) || actor.isIn(Groups.ADMINS));
        }
    }
}
