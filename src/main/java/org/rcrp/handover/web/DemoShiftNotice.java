package org.rcrp.handover.web;

import org.rcrp.handover.demo.DemoShiftRunner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Whether this start logged the demo shift (rcrp.demo.seed), for the sign-in page to say so. */
@ControllerAdvice(annotations = Controller.class, basePackages = {"org.rcrp.handover.web", "org.rcrp.handover.errors"})
class DemoShiftNotice {

    private final ObjectProvider<DemoShiftRunner> demoShift;

    DemoShiftNotice(ObjectProvider<DemoShiftRunner> demoShift) {
        this.demoShift = demoShift;
    }

    @ModelAttribute
    void demoShift(Model model) {
        DemoShiftRunner runner = demoShift.getIfAvailable();
        model.addAttribute("demoShiftCalls", runner == null ? 0 : runner.loadedCalls());
    }
}
