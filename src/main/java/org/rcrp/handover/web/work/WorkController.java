package org.rcrp.handover.web.work;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.TaskProblem;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.web.Labels;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Everyone's work queues (server-rendered, GOV.UK Frontend), most urgent first: filter chips that are plain links
 * (mine, category, agency, overdue), claim and open in one step, give back, and the queues refreshing themselves.
 */
@Controller
class WorkController {

    private static final Labels WORDS = new Labels();

    /** Where a claim may return to: our own pages only, never an address from elsewhere. */
    private static final Pattern BACK_TO = Pattern.compile("/(work|escalations|cases/[A-Za-z0-9-]{1,36})");

    private final TaskFacade tasks;
    private final Actors actors;
    private final Labels labels = new Labels();

    WorkController(TaskFacade tasks, Actors actors) {
        this.tasks = tasks;
        this.actors = actors;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/work";
    }

    /** What the person chose to see: codes from the address, an unknown one ignored (a page is never an error for it). */
    record Chosen(boolean mine, Category category, Agency agency, boolean overdue) {

        static Chosen of(String mine, String category, String agency, String overdue) {
            return new Chosen("true".equals(mine), code(Category.class, category), code(Agency.class, agency), "true".equals(overdue));
        }

        TaskFacade.QueueFilter filter() {
            return new TaskFacade.QueueFilter(category, agency, overdue);
        }

        public boolean any() {
            return mine || category != null || agency != null || overdue;
        }

        /** The address of the queues with these choices. */
        public String query(String path) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
            if (mine) {
                uri.queryParam("mine", "true");
            }
            if (category != null) {
                uri.queryParam("category", category.name());
            }
            if (agency != null) {
                uri.queryParam("agency", agency.name());
            }
            if (overdue) {
                uri.queryParam("overdue", "true");
            }
            return uri.build().toUriString();
        }

        private static <E extends Enum<E>> E code(Class<E> type, String value) {
            return value == null ? null : EnumSet.allOf(type).stream().filter(constant -> constant.name().equals(value))
                    .findFirst().orElse(null);
        }
    }

    /** A filter chip: a link that turns one choice on or off. */
    record Chip(String group, String label, String href, boolean selected) {
    }

    @GetMapping("/work")
    String work(@RequestParam Optional<String> mine, @RequestParam Optional<String> category,
                @RequestParam Optional<String> agency, @RequestParam Optional<String> overdue, Model model) {
        Chosen chosen = Chosen.of(mine.orElse(null), category.orElse(null), agency.orElse(null), overdue.orElse(null));
        queues(chosen, model);
        model.addAttribute("groups", WORDS.groups(new TreeSet<>(actors.current().groups())));
        model.addAttribute("chosen", chosen);
        model.addAttribute("refreshUrl", chosen.query("/work/queues"));
        return "work/work";
    }

    /** The two queues alone, fetched again every few seconds by the page, with the page's choices. */
    @GetMapping("/work/queues")
    String queues(@RequestParam Optional<String> mine, @RequestParam Optional<String> category,
                  @RequestParam Optional<String> agency, @RequestParam Optional<String> overdue, Model model) {
        queues(Chosen.of(mine.orElse(null), category.orElse(null), agency.orElse(null), overdue.orElse(null)), model);
        return "work/work :: queues";
    }

    private void queues(Chosen chosen, Model model) {
        Actor actor = actors.current();
        List<WorkItem> held = tasks.mine(actor);
        List<WorkItem> available = chosen.mine() ? List.of() : tasks.available(actor);
        model.addAttribute("mine", chosen.filter().apply(held));
        model.addAttribute("available", chosen.filter().apply(available));
        model.addAttribute("chosen", chosen);
        model.addAttribute("chips", chips(chosen, Stream.concat(held.stream(), available.stream()).toList()));
    }

    /** Chips for what the queues hold (and whatever is chosen), so that none leads to an empty list by surprise. */
    private List<Chip> chips(Chosen chosen, List<WorkItem> all) {
        List<Chip> chips = new ArrayList<>();
        chips.add(new Chip("show", "Only mine", new Chosen(!chosen.mine(), chosen.category(), chosen.agency(), chosen.overdue())
                .query("/work"), chosen.mine()));
        chips.add(new Chip("show", "Overdue", new Chosen(chosen.mine(), chosen.category(), chosen.agency(), !chosen.overdue())
                .query("/work"), chosen.overdue()));
        Set<Category> categories = EnumSet.noneOf(Category.class);
        all.stream().map(WorkItem::category).map(code -> Chosen.code(Category.class, code)).filter(java.util.Objects::nonNull)
                .forEach(categories::add);
        Optional.ofNullable(chosen.category()).ifPresent(categories::add);
        for (Category category : categories) {
            boolean selected = category == chosen.category();
            chips.add(new Chip("category", labels.of(category), new Chosen(chosen.mine(), selected ? null : category,
                    chosen.agency(), chosen.overdue()).query("/work"), selected));
        }
        Set<Agency> agencies = EnumSet.noneOf(Agency.class);
        all.stream().map(WorkItem::agency).filter(java.util.Objects::nonNull).forEach(agencies::add);
        Optional.ofNullable(chosen.agency()).ifPresent(agencies::add);
        for (Agency agency : agencies) {
            boolean selected = agency == chosen.agency();
            chips.add(new Chip("agency", labels.of(agency), new Chosen(chosen.mine(), chosen.category(),
                    selected ? null : agency, chosen.overdue()).query("/work"), selected));
        }
        return chips;
    }

    /**
     * Claims the task; with {@code open}, goes straight to its page (the triage page for a triage): one click from a
     * queue, a case or an escalation to the work itself. Without it, back to where the claim was made.
     */
    @PostMapping("/work/{taskId}/claim")
    String claim(@PathVariable String taskId, @RequestParam(required = false) String back,
                 @RequestParam(defaultValue = "false") boolean open, RedirectAttributes redirect) {
        try {
            tasks.claim(taskId, actors.current());
        } catch (TaskProblem problem) {
            redirect.addFlashAttribute("message", problem.getMessage());
            return "redirect:" + backTo(back);
        }
        if (open) {
            return "redirect:/work/" + taskId;
        }
        redirect.addFlashAttribute("message", "Claimed: it is now in your work.");
        return "redirect:" + backTo(back);
    }

    @PostMapping("/work/{taskId}/unclaim")
    String unclaim(@PathVariable String taskId, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            tasks.unclaim(taskId, actors.current());
            redirect.addFlashAttribute("message", "Given back to your group.");
        } catch (TaskProblem problem) {
            redirect.addFlashAttribute("message", problem.getMessage());
        }
        return "redirect:" + backTo(back);
    }

    private static String backTo(String back) {
        return back != null && BACK_TO.matcher(back).matches() ? back : "/work";
    }
}
