package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.InteragencyDisputeProcess;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.QualityReviewProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.ReviewReason;
import org.rcrp.handover.process.S136HandoverProcess;

/** The pages' error messages in the GOV.UK style: what to do, in words; never a field's name or a validator's fragment. */
class FieldMessagesTest {

    private static final String CODE = "\\b[A-Z]+_[A-Z_]+\\b";
    private static final String FIELD_NAME = "\\b[a-z]+[A-Z][A-Za-z]*\\b";
    private final Labels labels = new Labels();

    @Test
    void aMissingAnswerSaysWhatToDo() {
        assertThat(FieldMessages.sentence("riskToLife", "is required", FieldMessages.TRIAGE, labels))
                .isEqualTo("Select yes if there is a real and immediate risk to someone's life");
        assertThat(FieldMessages.sentence("source", "must not be null", FieldMessages.CALL, labels))
                .isEqualTo("Select where the call came from");
        assertThat(FieldMessages.sentence("summary", "must not be blank", FieldMessages.CALL, labels))
                .isEqualTo("Enter what has happened, in the caller's words");
        assertThat(FieldMessages.sentence("overrideReason", "is required with an override", FieldMessages.TRIAGE, labels))
                .isEqualTo("Enter the reason for the override");
    }

    @Test
    void aWrongAnswerIsSaidOfTheFieldInWords() {
        assertThat(FieldMessages.sentence("caller.phone", "may hold digits, spaces and + ( ) - only", FieldMessages.CALL, labels))
                .isEqualTo("Enter the caller's phone number using digits, spaces and + ( ) - only, like 07700 900123");
        assertThat(FieldMessages.sentence("subject.ageYears", "must be a whole number", FieldMessages.CALL, labels))
                .isEqualTo("Enter the person's age as a whole number of years, from 0 to 130");
        assertThat(FieldMessages.sentence("summary", "size must be between 0 and 4000", FieldMessages.CALL, labels))
                .isEqualTo("What has happened must be 4000 characters or fewer");
        assertThat(FieldMessages.sentence("lastSeen", "must not be in the future", FieldMessages.TRIAGE, labels))
                .isEqualTo("When the person was last seen must not be in the future");
        assertThat(FieldMessages.sentence("overrideAgency", "must be an agency that takes referrals when the route is REFER",
                FieldMessages.TRIAGE, labels)).isEqualTo("The agency must be an agency that takes referrals when the route is referral");
        assertThat(FieldMessages.sentence("overrideRoute", "a real and immediate risk to life or of serious harm always gets a police"
                + " response; add other agencies with overrideAddAgencies", FieldMessages.TRIAGE, labels))
                .doesNotContainPattern(FIELD_NAME).startsWith("A real and immediate risk");
        assertThat(FieldMessages.sentence("agency", "FIRE takes no referrals here: the force has not enabled it", Map.of(), labels))
                .isEqualTo("Fire and rescue service takes no referrals here: the force has not enabled it");
        assertThat(FieldMessages.sentence("verdict", "You made this decision: a second person reviews it", Map.of(), labels))
                .as("a sentence already").isEqualTo("You made this decision: a second person reviews it");
    }

    @Test
    void everyTaskFormSaysWhatToDoForEachFieldAndOffersItsChoicesInWords() {
        Map<String, Map<String, Object>> forms = new LinkedHashMap<>();
        for (ReviewReason reason : ReviewReason.values()) {
            forms.put(RcrpCallProcess.Elements.USER_SUPERVISOR_REVIEW + " " + reason,
                    Map.of(RcrpCallProcess.Variables.TASK_REASON.name(), reason.name()));
        }
        for (String key : List.of(RcrpCallProcess.Elements.USER_INFORM_CALLER, RcrpCallProcess.Elements.USER_ATTEND,
                PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL, PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME,
                RcrpCallProcess.Elements.USER_MISSING_PERSON_ASSESSMENT, S136HandoverProcess.Elements.USER_ACCEPT_HANDOVER,
                S136HandoverProcess.Elements.USER_RECORD_ARRIVAL, S136HandoverProcess.Elements.USER_COMPLETE_ASSESSMENT,
                QualityReviewProcess.Elements.USER_QUALITY_REVIEW, InteragencyDisputeProcess.Elements.USER_DISPUTE_POLICE_POSITION,
                InteragencyDisputeProcess.Elements.USER_DISPUTE_PARTNER_POSITION)) {
            forms.put(key, Map.of());
        }
        forms.forEach((name, variables) -> {
            TaskForms.Form form = TaskForms.of(name.split(" ")[0], variables, List.of(Agency.MENTAL_HEALTH, Agency.SOCIAL_CARE));
            assertThat(form.title()).as(name).doesNotContainPattern(CODE).doesNotContainPattern("\\bnull\\b");
            form.fields().forEach(field -> {
                assertThat(field.label()).as("%s %s", name, field.name()).doesNotContainPattern(CODE);
                assertThat(field.missing()).as("%s %s", name, field.name()).matches("(Select|Enter) .+");
                assertThat(FieldMessages.sentence(field.name(), "is required", form.words(), labels)).isEqualTo(field.missing());
                field.options().forEach(option -> {
                    assertThat(option.label()).as("%s %s", name, option.value()).doesNotContainPattern(CODE);
                    if (option.hint() != null) {
                        assertThat(option.hint()).doesNotContainPattern(CODE);
                    }
                });
            });
        });
    }

    @Test
    void aDecisionsChoicesSayWhatTheyDo() {
        TaskForms.Form review = TaskForms.of(RcrpCallProcess.Elements.USER_SUPERVISOR_REVIEW,
                Map.of(RcrpCallProcess.Variables.TASK_REASON.name(), ReviewReason.REJECTED.name()), List.of(Agency.MENTAL_HEALTH));
        assertThat(review.title()).isEqualTo("Supervisor review — partner rejected the referral");
        Labels.Option police = review.fields().get(0).options().stream().filter(option -> option.value().equals("POLICE_ATTEND"))
                .findFirst().orElseThrow();
        assertThat(police.label()).isEqualTo("Send police");
        assertThat(police.hint()).contains("Officers get a task to attend");
    }
}
