package org.rcrp.handover.web;

import java.util.TreeSet;
import org.rcrp.handover.casefile.CaseQueries;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.TaskProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The people's pages: their work queues and the case page (server-rendered, GOV.UK Frontend). */
@Controller
class WorkController {

    private final TaskFacade tasks;
    private final CaseQueries cases;
    private final Actors actors;

    WorkController(TaskFacade tasks, CaseQueries cases, Actors actors) {
        this.tasks = tasks;
        this.cases = cases;
        this.actors = actors;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/work";
    }

    @GetMapping("/work")
    String work(Model model) {
        Actor actor = actors.current();
        model.addAttribute("groups", String.join(", ", new TreeSet<>(actor.groups())));
        model.addAttribute("mine", tasks.mine(actor));
        model.addAttribute("available", tasks.available(actor));
        return "work";
    }

    @PostMapping("/work/{taskId}/claim")
    String claim(@PathVariable String taskId, RedirectAttributes redirect) {
        return act(() -> tasks.claim(taskId, actors.current()), "Claimed: it is now in your work.", redirect);
    }

    @PostMapping("/work/{taskId}/unclaim")
    String unclaim(@PathVariable String taskId, RedirectAttributes redirect) {
        return act(() -> tasks.unclaim(taskId, actors.current()), "Given back to your group.", redirect);
    }

    @GetMapping("/cases/{id}")
    String casePage(@PathVariable String id, Model model) {
        model.addAttribute("case", cases.view(id, actors.current()));
        return "case";
    }

    private static String act(Runnable action, String done, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (TaskProblem problem) {
            redirect.addFlashAttribute("message", problem.getMessage());
        }
        return "redirect:/work";
    }
}
