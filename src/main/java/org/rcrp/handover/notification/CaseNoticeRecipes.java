package org.rcrp.handover.notification;

import static org.rcrp.handover.process.PartnerReferralProcess.Variables.ACCEPTED_AT;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.ACKNOWLEDGE_BY;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.REVIEW_REASON;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.notification.NoticeRecipe.Draft;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.ReviewReason;
import org.rcrp.handover.process.SlaPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notice kinds that need only the process vocabulary: who is told follows from the process's variables. Kinds that
 * change a feature's state once told are beans of that feature (REFERRAL_MADE in referral, INFORMED and the stand-downs in
 * plan).
 */
@Configuration(proxyBeanMethods = false)
public class CaseNoticeRecipes {

    /** s136 notices carry this category, whatever the case's own. */
    static final String S136_CATEGORY = "S136_HANDOVER";

    /** All of them, for a plain engine (process tests). */
    public static List<NoticeRecipe> all(SlaPolicy slaPolicy) {
        return List.of(referralReminderNotice(), referralEscalatedNotice(), outcomeOverdueNotice(slaPolicy), handoverOverdueNotice(),
                handoverOnCallManagerNotice(), policeAddedNotice());
    }

    /** service_remind_partner: the acknowledgement clock is running out; remind the agency before it escalates. */
    @Bean
    static NoticeRecipe referralReminderNotice() {
        return toTheAgency("REFERRAL_REMINDER", Notice.Kind.REFERRAL_REMINDER, ACKNOWLEDGE_BY::get,
                "Reminder: this referral has not been accepted or rejected; it escalates to the police supervisor soon.");
    }

    /**
     * service_notify_escalated: the agency did not answer in time; its on-call manager hears that the referral went to the
     * police supervisor (who is asked at the same moment, not after this notice).
     */
    @Bean
    static NoticeRecipe referralEscalatedNotice() {
        return toTheAgency("REFERRAL_ESCALATED", Notice.Kind.REFERRAL_ESCALATED, ACKNOWLEDGE_BY::get,
                "Escalated: this referral was not accepted or rejected in time and has gone to the police supervisor.");
    }

    /** service_remind_outcome: an accepted referral has no outcome in time; the agency hears of it as well as the police supervisor. */
    @Bean
    static NoticeRecipe outcomeOverdueNotice(SlaPolicy slaPolicy) {
        return toTheAgency("OUTCOME_OVERDUE", Notice.Kind.OUTCOME_OVERDUE, execution -> {
            Date acceptedAt = ACCEPTED_AT.get(execution);
            return acceptedAt == null ? null
                    : new Date(acceptedAt.getTime() + Duration.parse(slaPolicy.partnerOutcome(AGENCY.get(execution))).toMillis());
        }, "Your agency accepted this referral but has recorded no outcome in time; the police supervisor has been told.");
    }

    /** service_escalate_handover: the s136 handover passed the hour (or the detention limit); both agencies' on-call managers are told. */
    @Bean
    static NoticeRecipe handoverOverdueNotice() {
        return new Simple("HANDOVER_OVERDUE", Notice.Kind.HANDOVER_OVERDUE, S136_CATEGORY, NoticeRecipe.Undelivered.REVIEW, false, execution -> {
            String text = REVIEW_REASON.require(execution) == ReviewReason.DETENTION_LIMIT
                    ? "s136 detention limit reached without a handover: on-call managers of police and health must act now."
                    : "s136 handover not accepted within the hour of arrival: on-call managers of police and health escalate.";
            return List.of(new Draft(Agency.POLICE, null, text), new Draft(Agency.HOSPITAL, null, text));
        });
    }

    /** service_escalate_on_call_manager: past the hour the police supervisor escalates to the hospital's on-call manager. */
    @Bean
    static NoticeRecipe handoverOnCallManagerNotice() {
        return new Simple("HANDOVER_ON_CALL_MANAGER", Notice.Kind.HANDOVER_OVERDUE, S136_CATEGORY, NoticeRecipe.Undelivered.REVIEW, true,
                execution -> List.of(new Draft(Agency.HOSPITAL, null, "s136 handover still not accepted: the police supervisor "
                        + "escalates to the hospital's on-call manager for a decision now.")));
    }

    /**
     * service_tell_police_added: the partner holding the referral hears that police were added and lead, and that its
     * referral goes on. When the last attempt fails the journal says the partner was not told.
     */
    @Bean
    static NoticeRecipe policeAddedNotice() {
        return new Simple("POLICE_ADDED", Notice.Kind.POLICE_ADDED, null, NoticeRecipe.Undelivered.journal("POLICE_ADDED_NOTICE_FAILED"), true,
                execution -> List.of(new Draft(AGENCY.require(execution), null,
                        "New information raised the risk: police now attend at the immediate grade and lead. "
                                + "Your referral goes on beside them; keep to it.")));
    }

    private static NoticeRecipe toTheAgency(String kind, Notice.Kind sends, Function<DelegateExecution, Date> due, String text) {
        return new Simple(kind, sends, null, NoticeRecipe.Undelivered.REVIEW, true,
                execution -> List.of(new Draft(AGENCY.require(execution), due.apply(execution), text)));
    }

    /** A kind that only tells (no state of its own changes when it went out); {@code oneAgency}: one notice per step. */
    private record Simple(String kind, Notice.Kind sends, String fixedCategory, Undelivered undelivered, boolean oneAgency,
                          Function<DelegateExecution, List<Draft>> who) implements NoticeRecipe {

        @Override
        public String deliveryId(String job, Agency agency) {
            return oneAgency ? job : NoticeRecipe.super.deliveryId(job, agency);
        }

        @Override
        public List<Draft> drafts(DelegateExecution execution) {
            return who.apply(execution);
        }

        @Override
        public String category(DelegateExecution execution) {
            return fixedCategory == null ? NoticeRecipe.super.category(execution) : fixedCategory;
        }
    }
}
