package org.rcrp.handover.tasks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.TaskCompletion;

/**
 * One user task as the application knows it, once ({@link TaskCatalogue}): its key (= the BPMN element id), the
 * candidate groups each process gives it (as written in the BPMN), the record its completion binds to, where a
 * person does it and the questions that page asks, and the figures it moves.
 *
 * @param candidateGroups by process key, the {@code camunda:candidateGroups} of the task in that process's model
 */
public record UserTask(String key, Map<String, String> candidateGroups, Class<? extends TaskCompletion> body, Page page,
                       Function<Map<String, Object>, String> title, List<Question> questions, Figures figures) {

    /** Where a person does the task. */
    public enum Page {
        /** The task page, asking {@link #questions()}. */
        TASK,
        /** Triage's own page (its questions are the triage form's). */
        TRIAGE
    }

    /** The figures the task's passing moves (metrics' FiguresListeners hooks each one to the engine). */
    public enum Figures {
        NONE,
        /** Officers sent to the person. */
        POLICE_DEPLOYED,
        /** The caller is to be told who will help, and whether they were. */
        CALLER_INFORMED,
        /** A partner accepted or rejected a referral. */
        REFERRAL_ANSWERED,
        /** A partner recorded its outcome. */
        PARTNER_OUTCOME,
        /** The hospital took the s136 person over, or agreed a later time. */
        HANDOVER_ANSWERED,
        /** The s136 assessment ended. */
        ASSESSMENT_ENDED,
        /** A supervisor's review: raised, resolved or cancelled. */
        ESCALATION
    }

    /** How a question is answered on the page. */
    public enum Kind { RADIO, SELECT, TEXT, DATETIME, YES_NO }

    /**
     * A question of the task's page; its {@code name} is a component of the body record (TaskCatalogueTest), its
     * {@code label} and {@code missing} (what the page says when it is not answered, GOV.UK style: "Select …", "Enter …")
     * the words a person reads; {@code asked} whether the page asks it of a task with these variables.
     */
    public record Question(String name, String label, Kind kind, Choices choices, String missing,
                           Predicate<Map<String, Object>> asked) {

        /** The same question, asked only when {@code when} holds of the task's variables. */
        public Question when(Predicate<Map<String, Object>> when) {
            return new Question(name, label, kind, choices, missing, asked.and(when));
        }
    }

    /**
     * The values a radio or select question offers, of one enum catalogued in LabelCatalogue: for a task with these
     * variables, where a person may pick one of {@code referable} (the agencies this force refers to).
     */
    public record Choices(Class<? extends Enum<?>> type,
                          BiFunction<Map<String, Object>, List<Agency>, List<? extends Enum<?>>> values) {

        static Choices all(Class<? extends Enum<?>> type) {
            List<? extends Enum<?>> values = Arrays.asList(type.getEnumConstants());
            return new Choices(type, (variables, referable) -> values);
        }

        static Choices referable() {
            return new Choices(Agency.class, (variables, referable) -> referable);
        }

        static Choices none() {
            return new Choices(null, (variables, referable) -> List.of());
        }
    }

    /** The questions asked of a task with these variables, in order. */
    public List<Question> questionsFor(Map<String, Object> variables) {
        return questions.stream().filter(question -> question.asked().test(variables)).toList();
    }
}
