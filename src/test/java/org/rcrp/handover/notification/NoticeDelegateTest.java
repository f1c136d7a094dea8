package org.rcrp.handover.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.journal.DecisionLog;
import org.rcrp.handover.plan.CaseReferrals;
import org.rcrp.handover.plan.InMemoryResponseLedger;
import org.rcrp.handover.plan.InformedNotice;
import org.rcrp.handover.plan.PlanNoticeRecipes;
import org.rcrp.handover.plan.ResponsePlans;
import org.rcrp.handover.plan.ResponseState;
import org.rcrp.handover.plan.Role;
import org.rcrp.handover.plan.RoutingScope;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.ownership.CaseStatus;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.ReferralRole;
import org.rcrp.handover.process.ReviewReason;
import org.rcrp.handover.process.SlaPolicy;
import org.rcrp.handover.process.SlaProperties;
import org.rcrp.handover.process.SupervisorAction;
import org.rcrp.handover.referral.AmbulanceTransfer;
import org.rcrp.handover.referral.ReferralMadeNotice;

/** The one notice delegate, kind by kind: what each kind sends, to whom, and what it records once told (outside a job). */
class NoticeDelegateTest {

    private static final String CASE = "C-1";

    private final List<Notice> sent = new ArrayList<>();
    private final List<String> journal = new ArrayList<>();
    private final Set<Notice.Kind> failing = EnumSet.noneOf(Notice.Kind.class);
    private final Notifier notifier = notice -> {
        if (failing.contains(notice.kind())) {
            throw new NotificationFailedException("agency endpoint down");
        }
        sent.add(notice);
    };
    private final InMemoryResponseLedger ledger = new InMemoryResponseLedger();
    private final Set<Agency> openReferrals = EnumSet.noneOf(Agency.class);
    private final List<String> endedReferrals = new ArrayList<>();
    private final SlaPolicy slaPolicy = new SlaPolicy(SlaProperties.defaults(), org.rcrp.handover.operations.EngineClock.INSTANCE);
    private final NoticeDelegate notices = delegate();
    private final Map<String, Object> variables = new HashMap<>();
    private final DelegateExecution execution = execution(variables);

    @Test
    void referralMadeTellsTheAgencyItsAcknowledgementClockAndStartsIt() throws Exception {
        PartnerReferralProcess.Variables.AGENCY.set(execution, Agency.MENTAL_HEALTH);
        PartnerReferralProcess.Variables.REFERRAL_ROLE.set(execution, ReferralRole.SUPPORT);

        notices.send("REFERRAL_MADE").execute(execution);

        Notice notice = only();
        assertThat(notice.kind()).isEqualTo(Notice.Kind.REFERRAL_MADE);
        assertThat(notice.agency()).isEqualTo("MENTAL_HEALTH");
        assertThat(notice.text()).isEqualTo("A referral is waiting for your agency to accept or reject.");
        assertThat(notice.id()).as("one agency per step: the job's id alone").isEqualTo("execution-1");
        assertThat(notice.due()).isNotNull();
        assertThat(PartnerReferralProcess.Variables.ACKNOWLEDGE_BY.get(execution).toInstant()).isEqualTo(notice.due());
        assertThat(PartnerReferralProcess.Variables.NOTIFICATION_ATTEMPT.get(execution)).isEqualTo(1);
        assertThat(PartnerReferralProcess.Variables.NOTIFIED_AT.get(execution)).isNotNull();
    }

    @Test
    void referralMadeAfterAChaseSaysWhichReferralItIs() throws Exception {
        PartnerReferralProcess.Variables.AGENCY.set(execution, Agency.MENTAL_HEALTH);
        PartnerReferralProcess.Variables.REFERRAL_ROLE.set(execution, ReferralRole.SUPPORT);
        PartnerReferralProcess.Variables.NOTIFICATION_ATTEMPT.set(execution, 1);

        notices.send("REFERRAL_MADE").execute(execution);

        assertThat(only().text()).startsWith("Chased by the police supervisor (referral 2)");
        assertThat(PartnerReferralProcess.Variables.NOTIFICATION_ATTEMPT.get(execution)).isEqualTo(2);
    }

    @Test
    void aReminderAndAnEscalationTellTheAgencyByItsAcknowledgementClock() throws Exception {
        Date acknowledgeBy = new Date(1_800_000_000_000L);
        PartnerReferralProcess.Variables.AGENCY.set(execution, Agency.AMBULANCE);
        PartnerReferralProcess.Variables.ACKNOWLEDGE_BY.set(execution, acknowledgeBy);

        notices.send("REFERRAL_REMINDER").execute(execution);
        notices.send("REFERRAL_ESCALATED").execute(execution);

        assertThat(sent).extracting(Notice::kind).containsExactly(Notice.Kind.REFERRAL_REMINDER, Notice.Kind.REFERRAL_ESCALATED);
        assertThat(sent).extracting(Notice::agency).containsOnly("AMBULANCE");
        assertThat(sent).extracting(Notice::due).containsOnly(acknowledgeBy.toInstant());
        assertThat(sent).extracting(Notice::category).containsOnly("MEDICAL");
        assertThat(sent.get(0).text()).startsWith("Reminder:");
        assertThat(sent.get(1).text()).startsWith("Escalated:");
    }

    @Test
    void anOverdueOutcomeIsDueItsOutcomeClockAfterAcceptance() throws Exception {
        Date acceptedAt = new Date(1_800_000_000_000L);
        PartnerReferralProcess.Variables.AGENCY.set(execution, Agency.MENTAL_HEALTH);
        PartnerReferralProcess.Variables.ACCEPTED_AT.set(execution, acceptedAt);

        notices.send("OUTCOME_OVERDUE").execute(execution);

        Notice notice = only();
        assertThat(notice.kind()).isEqualTo(Notice.Kind.OUTCOME_OVERDUE);
        assertThat(notice.agency()).isEqualTo("MENTAL_HEALTH");
        assertThat(notice.due()).isEqualTo(acceptedAt.toInstant().plus(Duration.parse(slaPolicy.partnerOutcome(Agency.MENTAL_HEALTH))));
    }

    @Test
    void anOverdueHandoverTellsPoliceAndHospitalOnCallManagersWithTheS136Category() throws Exception {
        RcrpCallProcess.Variables.REVIEW_REASON.set(execution, ReviewReason.DETENTION_LIMIT);

        notices.send("HANDOVER_OVERDUE").execute(execution);

        assertThat(sent).extracting(Notice::agency).containsExactly("POLICE", "HOSPITAL");
        assertThat(sent).extracting(Notice::kind).containsOnly(Notice.Kind.HANDOVER_OVERDUE);
        assertThat(sent).extracting(Notice::category).containsOnly("S136_HANDOVER");
        assertThat(sent).extracting(Notice::id).containsExactly("execution-1:POLICE", "execution-1:HOSPITAL");
        assertThat(sent.get(0).text()).startsWith("s136 detention limit reached");
    }

    @Test
    void theSupervisorsEscalationTellsTheHospitalsOnCallManagerOnly() throws Exception {
        notices.send("HANDOVER_ON_CALL_MANAGER").execute(execution);

        Notice notice = only();
        assertThat(notice.kind()).isEqualTo(Notice.Kind.HANDOVER_OVERDUE);
        assertThat(notice.agency()).isEqualTo("HOSPITAL");
        assertThat(notice.text()).contains("hospital's on-call manager");
    }

    @Test
    void policeAddedTellsThePartnerAndAnUndeliveredOneIsJournalledNotAnError() throws Exception {
        RcrpCallProcess.Variables.AGENCY.set(execution, Agency.MENTAL_HEALTH);
        notices.send("POLICE_ADDED").execute(execution);
        assertThat(only().kind()).isEqualTo(Notice.Kind.POLICE_ADDED);
        assertThat(only().agency()).isEqualTo("MENTAL_HEALTH");

        failing.add(Notice.Kind.POLICE_ADDED);
        notices.send("POLICE_ADDED").execute(execution);
        assertThat(journal).containsExactly("POLICE_ADDED_NOTICE_FAILED: MENTAL_HEALTH was not told (POLICE_ADDED): 3 attempts failed.");
    }

    @Test
    void informedTellsEachInformedAgencyOnceAndMarksItsPartDone() throws Exception {
        ledger.state(CASE, Agency.MENTAL_HEALTH, Role.INFORMED, ResponseState.DONE);
        variables.put("informedAgencies", "MENTAL_HEALTH,AMBULANCE");

        notices.send("INFORMED").execute(execution);

        assertThat(only().agency()).as("one told already").isEqualTo("AMBULANCE");
        assertThat(only().kind()).isEqualTo(Notice.Kind.INFORMED);
        assertThat(only().id()).isEqualTo("execution-1:AMBULANCE");
        assertThat(new ResponsePlans(RoutingScope.everything(), ledger, referrals()).told(CASE))
                .containsExactlyInAnyOrder(Agency.MENTAL_HEALTH, Agency.AMBULANCE);
    }

    @Test
    void anUndeliveredInformedNoticeIsJournalledAndItsPartStaysOpen() throws Exception {
        failing.add(Notice.Kind.INFORMED);
        variables.put("informedAgencies", "AMBULANCE");

        notices.send("INFORMED").execute(execution);

        assertThat(journal).singleElement().asString().startsWith("PLAN_NOTICE_FAILED: AMBULANCE was not told");
        assertThat(new ResponsePlans(RoutingScope.everything(), ledger, referrals()).told(CASE)).isEmpty();
    }

    @Test
    void aCancelledPlanStandsDownOpenPartnersWithoutAReferralLeft() throws Exception {
        ledger.state(CASE, Agency.MENTAL_HEALTH, Role.SUPPORT, ResponseState.ACCEPTED);
        ledger.state(CASE, Agency.AMBULANCE, Role.SUPPORT, ResponseState.REQUESTED);
        openReferrals.add(Agency.AMBULANCE);

        notices.send("STOOD_DOWN_CANCELLED").execute(execution);

        assertThat(only().agency()).isEqualTo("MENTAL_HEALTH");
        assertThat(only().kind()).isEqualTo(Notice.Kind.STOOD_DOWN);
        assertThat(only().text()).startsWith("Stood down: new information changed the plan");
        assertThat(stateOf(Agency.MENTAL_HEALTH)).isEqualTo(ResponseState.STOOD_DOWN);
        assertThat(stateOf(Agency.AMBULANCE)).isEqualTo(ResponseState.REQUESTED);
        assertThat(journal).containsExactly("STOOD_DOWN: MENTAL_HEALTH stood down: new information changed the plan and police took the case back.");
    }

    @Test
    void aClosingCaseStandsDownEveryOpenPartnerAndReferralThenEndsTheReferrals() throws Exception {
        ledger.state(CASE, Agency.MENTAL_HEALTH, Role.SUPPORT, ResponseState.ACCEPTED);
        ledger.state(CASE, Agency.POLICE, Role.LEAD, ResponseState.ATTENDING);
        openReferrals.add(Agency.AMBULANCE);

        notices.send("STOOD_DOWN_ON_CLOSE").execute(execution);

        assertThat(sent).extracting(Notice::agency).containsExactlyInAnyOrder("MENTAL_HEALTH", "AMBULANCE");
        assertThat(endedReferrals).containsExactly("The case closed; its agency was stood down.");
    }

    @Test
    void aSupervisorsEndingStandsDownTheReferralsAgencyOnlyWhileItsPartIsOpen() throws Exception {
        PartnerReferralProcess.Variables.AGENCY.set(execution, Agency.MENTAL_HEALTH);
        RcrpCallProcess.Variables.SUPERVISOR_ACTION.set(execution, SupervisorAction.REROUTE);
        ledger.state(CASE, Agency.MENTAL_HEALTH, Role.SUPPORT, ResponseState.REJECTED);

        notices.send("STOOD_DOWN_REFERRAL").execute(execution);
        assertThat(sent).as("a rejecting agency has nothing to stand down").isEmpty();

        ledger.state(CASE, Agency.MENTAL_HEALTH, Role.SUPPORT, ResponseState.ACCEPTED);
        notices.send("STOOD_DOWN_REFERRAL").execute(execution);
        assertThat(only().text()).startsWith("Stood down: the police supervisor decided REROUTE.");
        assertThat(stateOf(Agency.MENTAL_HEALTH)).isEqualTo(ResponseState.STOOD_DOWN);
    }

    @Test
    void theLastFailedAttemptOfAReviewedKindIsTheBpmnErrorWithWhyKept() {
        failing.add(Notice.Kind.REFERRAL_REMINDER);
        PartnerReferralProcess.Variables.AGENCY.set(execution, Agency.MENTAL_HEALTH);

        assertThatThrownBy(() -> notices.send("REFERRAL_REMINDER").execute(execution))
                .isInstanceOfSatisfying(BpmnError.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(PartnerReferralProcess.Errors.NOTIFICATION_FAILED));
        assertThat(PartnerReferralProcess.Variables.NOTICE_FAILURE.get(execution))
                .isEqualTo("REFERRAL_REMINDER to MENTAL_HEALTH failed after 3 attempts: agency endpoint down");
        assertThat(journal).isEmpty();
    }

    @Test
    void aKindNoRecipeKnowsIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> notices.send("REFERRAL_LOST")).hasMessageContaining("REFERRAL_LOST").hasMessageContaining("REFERRAL_MADE");
    }

    private Notice only() {
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    private ResponseState stateOf(Agency agency) {
        return ledger.entries(CASE).stream().filter(entry -> entry.agency() == agency).findFirst().orElseThrow().state();
    }

    private NoticeDelegate delegate() {
        DecisionLog log = (caseId, type, actor, role, detail) -> journal.add(type + ": " + detail);
        List<NoticeRecipe> recipes = new ArrayList<>(CaseNoticeRecipes.all(slaPolicy));
        recipes.add(new ReferralMadeNotice(new CaseStatus(org.rcrp.handover.operations.EngineClock.INSTANCE), slaPolicy,
                new AmbulanceTransfer(AmbulanceTransfer.Properties.defaults(), slaPolicy, org.rcrp.handover.operations.EngineClock.INSTANCE),
                org.rcrp.handover.operations.EngineClock.INSTANCE));
        recipes.add(new InformedNotice(new ResponsePlans(RoutingScope.everything(), ledger, referrals())));
        recipes.addAll(PlanNoticeRecipes.standDowns(ledger, log, referrals()));
        return new NoticeDelegate(notifier, new NotificationRetry("R3/PT1S"), log, recipes);
    }

    private CaseReferrals referrals() {
        return new CaseReferrals() {
            @Override
            public Set<Agency> openReferralAgencies(DelegateExecution caseExecution) {
                return openReferrals;
            }

            @Override
            public void endOpenReferrals(DelegateExecution caseExecution, String why) {
                endedReferrals.add(why);
            }

            @Override
            public boolean supersedeSupporting(DelegateExecution leadReferralExecution) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean supportingStillRunning(DelegateExecution caseExecution) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean leadReferralOpen(DelegateExecution caseExecution) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void leadReferralSupportsFromNow(DelegateExecution caseExecution) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** A referral's execution, outside any job, its variables in a map. */
    private static DelegateExecution execution(Map<String, Object> variables) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getId()).thenReturn("execution-1");
        when(execution.getProcessBusinessKey()).thenReturn(CASE);
        when(execution.getProcessDefinitionId()).thenReturn(PartnerReferralProcess.KEY + ":1:1");
        when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        when(execution.hasVariable(anyString())).thenAnswer(call -> variables.containsKey(call.<String>getArgument(0)));
        doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1))).when(execution).setVariable(anyString(), any());
        RcrpCallProcess.Variables.CALL_REFERENCE.set(execution, "RCRP-1");
        RcrpCallProcess.Variables.CATEGORY.set(execution, Category.MEDICAL);
        return execution;
    }
}
