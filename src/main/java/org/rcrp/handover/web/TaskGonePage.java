package org.rcrp.handover.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rcrp.handover.casefile.CaseQueries;
import org.rcrp.handover.casefile.CaseView;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.TaskFate;
import org.rcrp.handover.process.AgencyAvailability;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page a task form comes back to when its task had gone (completed by someone else, ended by its clock or a
 * supervisor, or no longer held): what happened to the task, from the history of its own process; where the case stands
 * now; what the person typed, kept; and one button that adds it to the case as new information for the supervisor
 * ({@link LostWorkController}) — when their groups may change cases and they may still read the case. Otherwise the text
 * is there to copy.
 */
@Component
public class TaskGonePage {

    /** Fields of a task form that are the page's, not the person's. */
    private static final Set<String> NOT_TYPED = Set.of("_csrf", "seenUpdates", org.rcrp.handover.support.KeptForms.OWNER);
    /** The triage page's own buttons, sent as {@code action}; a supervisor's {@code action} is an answer. */
    private static final Set<String> TRIAGE_BUTTONS = Set.of("recommend", "confirm");

    private final TaskFacade tasks;
    private final CaseQueries cases;
    private final Actors actors;
    private final AgencyAvailability agencies;

    TaskGonePage(TaskFacade tasks, CaseQueries cases, Actors actors, AgencyAvailability agencies) {
        this.tasks = tasks;
        this.cases = cases;
        this.actors = actors;
        this.agencies = agencies;
    }

    /** What the person typed into a task form, without the page's own fields and blanks, in the order sent. */
    public static Map<String, String> typed(Map<String, String[]> parameters) {
        Map<String, String> typed = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            String value = values.length == 0 ? null : values[0];
            if (!NOT_TYPED.contains(name) && value != null && !value.isBlank()
                    && !("action".equals(name) && TRIAGE_BUTTONS.contains(value))) {
                typed.put(name, value.strip());
            }
        });
        return typed;
    }

    /**
     * The page for the task, with what was typed into its form ({@code typed}) or, sent back from the page itself,
     * the text to add ({@code text}) and why it was not added ({@code errors}); null for a task that never was the
     * user's to see when nothing was typed (then it is simply not found).
     */
    public ModelAndView page(String taskId, Map<String, String> typed, String text, Map<String, String> errors) {
        Actor actor = actors.current();
        Optional<TaskFate> fate = tasks.fate(taskId, actor);
        if (fate.isEmpty() && typed.isEmpty() && text == null) {
            return null;
        }
        String caseId = fate.map(TaskFate::caseId).orElse(null);
        boolean mayRead = caseId != null && cases.mayRead(caseId, actor);
        ModelAndView page = new ModelAndView("task-gone", !errors.isEmpty() ? HttpStatus.BAD_REQUEST
                : fate.isPresent() ? HttpStatus.CONFLICT : HttpStatus.NOT_FOUND);
        page.addObject("taskId", taskId);
        page.addObject("title", fate.map(TaskGonePage::title).orElse("This task is no longer open to you"));
        page.addObject("taskName", fate.map(TaskFate::name).orElse(null));
        page.addObject("reference", fate.map(TaskFate::reference).orElse(null));
        page.addObject("whatHappened", fate.map(TaskFate::whatHappened)
                .orElse(List.of("It has ended, or it is not one your team can see.")));
        page.addObject("caseId", mayRead ? caseId : null);
        page.addObject("caseNow", mayRead ? caseNow(cases.view(caseId, actor)) : null);
        List<Typed> answers = labelled(fate.map(TaskFate::key).orElse(null), typed);
        page.addObject("typed", answers);
        page.addObject("text", text != null ? text : textToAdd(fate.orElse(null), answers));
        page.addObject("mayAdd", mayRead && actor.mayChangeCases());
        page.addObject("errors", errors);
        page.addObject("labels", Map.of("kept-note", "What will be added to the case"));
        return page;
    }

    record Typed(String label, String value) {
    }

    private static String title(TaskFate fate) {
        return fate.open() ? "“" + fate.name() + "” is not yours to complete now" : "“" + fate.name() + "” has already ended";
    }

    /** Where the case stands, in the words of its state and who is responsible for the person now. */
    private static String caseNow(CaseView view) {
        if (view.state() == null) {
            return null;
        }
        return "The case is now " + words(view.state()) + (view.responsibleAgency() == null ? "."
                : "; " + words(view.responsibleAgency()) + " are responsible for the person.");
    }

    /** Each answer with the question its form asked (without the form's own hints in brackets). */
    private List<Typed> labelled(String taskKey, Map<String, String> typed) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, TaskForms.Field> fields = new LinkedHashMap<>();
        if (taskKey != null) {
            try {
                TaskForms.of(taskKey, Map.of(), agencies.referable()).fields().forEach(field -> {
                    labels.put(field.name(), field.label().replaceAll("\\s*\\([^)]*\\)\\s*$", ""));
                    fields.put(field.name(), field);
                });
            } catch (IllegalArgumentException triage) {
                // The triage page asks its own questions: their names, in words.
            }
        }
        List<Typed> answers = new ArrayList<>();
        typed.forEach((name, value) -> answers.add(new Typed(labels.getOrDefault(name, words(name)),
                "true".equals(value) ? "Yes" : "false".equals(value) ? "No"
                        : fields.containsKey(name) ? fields.get(name).answerInWords(value) : value)));
        return answers;
    }

    /** The text the button adds: which task it was written for, then every answer with its question. */
    private static String textToAdd(TaskFate fate, List<Typed> answers) {
        StringBuilder text = new StringBuilder("Written for “" + (fate == null ? "a task" : fate.name())
                + "” after it had ended:");
        answers.forEach(answer -> text.append('\n').append(answer.label()).append(answer.label().endsWith("?") ? " " : ": ")
                .append(answer.value()));
        return text.toString();
    }

    /** riskToLife → "Risk to life"; ESCALATED → "escalated"; MENTAL_HEALTH → "mental health". */
    static String words(Object name) {
        if (name instanceof Enum<?> constant) {
            return constant.name().toLowerCase(java.util.Locale.UK).replace('_', ' ');
        }
        String spaced = String.valueOf(name).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.UK);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
