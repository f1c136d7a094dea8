package org.rcrp.handover.web;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.LabelCatalogue;
import org.rcrp.handover.process.ReviewReason;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.process.SupervisorAction;

/**
 * What a supervisor's review is about in words: how serious it is (the escalations page's tag colour) and what each
 * decision it allows does, in one line each. Used by the escalations page and the review's own page.
 */
public final class ReviewActions {

    /**
     * How serious an escalation is, most serious first; the tag's colour says it and so do its words (colour is never
     * the only cue).
     */
    public enum Severity {
        /** A life, a liberty or a lost person: risk to life on the case, an immediate grade, a person not located,
         *  police late to an attendance, an s136 detention over its hour or near its limit, an untriaged 999 call late. */
        URGENT("Urgent", "govuk-tag--red"),
        /** Nobody has answered: a partner's silence, a notice not delivered, a routine triage or a partner outcome late. */
        SILENCE("Nobody has answered", "govuk-tag--orange"),
        /** The partner answered no: the supervisor decides where the person goes next. */
        REFUSED("Partner said no", "govuk-tag--yellow");

        private final String words;
        private final String tagClass;

        Severity(String words, String tagClass) {
            this.words = words;
            this.tagClass = tagClass;
        }

        public String words() {
            return words;
        }

        public String tagClass() {
            return tagClass;
        }
    }

    private static final Set<ReviewReason> URGENT_REASONS = EnumSet.of(ReviewReason.NOT_LOCATED,
            ReviewReason.MISSING_PERSON_OVERDUE, ReviewReason.ATTENDANCE_OVERDUE, ReviewReason.HANDOVER_OVERDUE,
            ReviewReason.DETENTION_LIMIT);

    /** An action the review allows, with what choosing it does. */
    public record Choice(SupervisorAction action, String name, String consequence) {
    }

    private ReviewActions() {
    }

    public static Severity severity(ReviewReason reason, Grade grade, Source source, boolean riskToLife) {
        if (riskToLife || grade == Grade.IMMEDIATE || reason != null && URGENT_REASONS.contains(reason)
                || reason == ReviewReason.TRIAGE_OVERDUE && source == Source.PUBLIC_999) {
            return Severity.URGENT;
        }
        return reason == ReviewReason.REJECTED ? Severity.REFUSED : Severity.SILENCE;
    }

    /** The actions a review's reason allows, in the order a supervisor weighs them: safety first, closing last. */
    public static List<Choice> choices(ReviewReason reason) {
        if (reason == null) {
            return List.of();
        }
        return reason.allowedActions().stream().sorted(Comparator.comparingInt(ReviewActions::weighOrder))
                .map(action -> new Choice(action, name(action), consequence(reason, action))).toList();
    }

    private static int weighOrder(SupervisorAction action) {
        return switch (action) {
            case POLICE_ATTEND -> 0;
            case MISSING_PERSON -> 1;
            case CHASE -> 2;
            case REROUTE -> 3;
            case ESCALATE -> 4;
            case WITHDRAW -> 5;
            case CLOSE -> 6;
        };
    }

    /** The action's label in the catalogue (process/LabelCatalogue), the same words as on its radio. */
    static String name(SupervisorAction action) {
        return LabelCatalogue.label(action);
    }

    /**
     * What choosing the action does: the catalogue's words, except where the review's reason changes what happens (who is
     * chased; what closing a case with a person not located needs).
     */
    static String consequence(ReviewReason reason, SupervisorAction action) {
        String specific = switch (action) {
            case CLOSE -> reason == ReviewReason.NOT_LOCATED
                    ? "the case ends once you record that the person is located safe or assessed with no concern." : null;
            case CHASE -> switch (reason) {
                case NO_RESPONSE, REJECTED -> "the same agency gets the referral again with a new clock; police stay responsible until it accepts.";
                case NOT_LOCATED -> "whoever looked for the person tries again with a new clock (officers, if police looked).";
                case NOTIFICATION_FAILED -> "the notice is sent again with a new clock, or you record that you chased the agency another way.";
                default -> "you record that you chased; the work stays with whoever holds it and its clock runs on.";
            };
            default -> null;
        };
        if (specific != null) {
            return specific;
        }
        String general = LabelCatalogue.entry(action).consequence();
        return Character.toLowerCase(general.charAt(0)) + general.substring(1);
    }
}
