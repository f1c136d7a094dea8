package org.rcrp.handover.web;

import java.util.List;
import java.util.Map;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.SupervisorAction;
import org.rcrp.handover.tasks.TaskCatalogue;
import org.rcrp.handover.tasks.UserTask;

/**
 * The questions each task's page asks, as the task catalogue (tasks/TaskCatalogue) words them; the answers bind to the
 * task's typed body (README, The API in five calls).
 */
final class TaskForms {

    enum Kind { RADIO, SELECT, TEXT, DATETIME }

    /**
     * A question of a task's form; {@code options} in words from the catalogue (value, label, hint), {@code missing}
     * what the page says when it is not answered (GOV.UK style: "Select …", "Enter …").
     */
    record Field(String name, String label, Kind kind, List<Labels.Option> options, String missing) {

        /** The field in the words of its error messages ("the agreed handover time"). */
        FieldMessages.Words words() {
            return new FieldMessages.Words(inSentence(label.replaceAll("\\s*\\([^)]*\\)\\s*$", "").replaceAll("\\?$", "")), missing);
        }

        /** An answer's words: the option's label (a choice not offered now in words too), or the answer as typed. */
        String answerInWords(String value) {
            return options.stream().filter(option -> option.value().equals(value)).map(Labels.Option::label).findFirst()
                    .orElse(kind == Kind.RADIO || kind == Kind.SELECT ? WORDS.of(value) : value);
        }
    }

    record Form(String title, List<Field> fields) {

        /** Each field in the words of its error messages, for {@link FieldMessages}. */
        Map<String, FieldMessages.Words> words() {
            Map<String, FieldMessages.Words> words = new java.util.LinkedHashMap<>();
            fields.forEach(field -> words.put(field.name(), field.words()));
            return words;
        }
    }

    private static final Labels WORDS = new Labels();
    private static final List<Labels.Option> YES_NO = List.of(new Labels.Option("true", "Yes", null),
            new Labels.Option("false", "No", null));

    private TaskForms() {
    }

    /**
     * The form of a task, as the task catalogue asks it of a task with these variables; {@code referable}: the agencies this
     * force refers to, the choices where a person picks one.
     */
    static Form of(String key, Map<String, Object> taskVariables, List<Agency> referable) {
        UserTask task = TaskCatalogue.of(key).filter(known -> known.page() == UserTask.Page.TASK)
                .orElseThrow(() -> new IllegalArgumentException("No page for task " + key));
        return new Form(task.title().apply(taskVariables), task.questionsFor(taskVariables).stream()
                .map(question -> field(question, taskVariables, referable)).toList());
    }

    private static Field field(UserTask.Question question, Map<String, Object> taskVariables, List<Agency> referable) {
        return switch (question.kind()) {
            case RADIO -> new Field(question.name(), question.label(), Kind.RADIO,
                    WORDS.options(question.choices().values().apply(taskVariables, referable)), question.missing());
            case SELECT -> new Field(question.name(), question.label(), Kind.SELECT,
                    WORDS.options(question.choices().values().apply(taskVariables, referable)), question.missing());
            case YES_NO -> new Field(question.name(), question.label(), Kind.RADIO, YES_NO, question.missing());
            case TEXT -> new Field(question.name(), question.label(), Kind.TEXT, List.of(), question.missing());
            case DATETIME -> new Field(question.name(), question.label(), Kind.DATETIME, List.of(), question.missing());
        };
    }

    /** Whether the task's page asks a supervisor's decision (the page then says what each decision does, ReviewActions). */
    static boolean asksASupervisorsDecision(String key) {
        return TaskCatalogue.of(key).stream().flatMap(task -> task.questions().stream())
                .anyMatch(question -> question.choices().type() == SupervisorAction.class);
    }

    /**
     * An answer as the body takes it: a date and time from the page (the browser's local time, no zone) is the force's
     * local time; anything else as typed (a wrong value is then refused by the body, named by its field).
     */
    static Object answer(Field field, String typed, java.time.ZoneId zone) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        if (field.kind() == Kind.DATETIME) {
            try {
                return java.time.LocalDateTime.parse(typed).atZone(zone).toOffsetDateTime().toString();
            } catch (java.time.format.DateTimeParseException notLocal) {
                return typed;
            }
        }
        return typed;
    }

    /** "When did it end" → "when did it end"; "Police officer …" stays as it is. */
    private static String inSentence(String label) {
        return label.length() > 1 && Character.isLowerCase(label.charAt(1))
                ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
    }
}
