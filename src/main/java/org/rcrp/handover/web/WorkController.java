package org.rcrp.handover.web;

import java.util.TreeSet;
import java.util.regex.Pattern;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.TaskProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone's work queues (server-rendered, GOV.UK Frontend): claim, give back, and the queues refreshing themselves. */
@Controller
class WorkController {

    private static final Labels WORDS = new Labels();

    /** Where a claim may return to: our own pages only, never an address from elsewhere. */
    private static final Pattern BACK_TO = Pattern.compile("/(work|escalations|cases/[A-Za-z0-9-]{1,36})");

    private final TaskFacade tasks;
    private final Actors actors;

    WorkController(TaskFacade tasks, Actors actors) {
        this.tasks = tasks;
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
        queues(model);
        model.addAttribute("groups", WORDS.groups(new TreeSet<>(actors.current().groups())));
        return "work";
    }

    /** The two queues alone, fetched again every few seconds by the page. */
    @GetMapping("/work/queues")
    String queues(Model model) {
        Actor actor = actors.current();
        model.addAttribute("mine", tasks.mine(actor));
        model.addAttribute("available", tasks.available(actor));
        return "work :: queues";
    }

    @PostMapping("/work/{taskId}/claim")
    String claim(@PathVariable String taskId, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        return act(() -> tasks.claim(taskId, actors.current()), "Claimed: it is now in your work.", back, redirect);
    }

    @PostMapping("/work/{taskId}/unclaim")
    String unclaim(@PathVariable String taskId, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        return act(() -> tasks.unclaim(taskId, actors.current()), "Given back to your group.", back, redirect);
    }

    private static String act(Runnable action, String done, String back, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (TaskProblem problem) {
            redirect.addFlashAttribute("message", problem.getMessage());
        }
        return "redirect:" + (back != null && BACK_TO.matcher(back).matches() ? back : "/work");
    }
}
