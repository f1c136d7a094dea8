package org.rcrp.handover.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rcrp.handover.attendance.Attend;
import org.rcrp.handover.referral.AcceptReferral;
import org.rcrp.handover.referral.RecordPartnerOutcome;
import org.rcrp.handover.referral.SupervisorReview;
import org.rcrp.handover.s136.AcceptHandover;
import org.rcrp.handover.triage.AssessThreshold;
import org.rcrp.handover.triage.InformCaller;

/**
 * Property test: random sequences of what happens to real cases — partners accepting, rejecting or
 * staying silent, updates raising risk, supervisors deciding, clocks running out — driven through the
 * real models, with the RCRP invariants checked after every step:
 * <ol>
 *   <li>an open case has exactly one responsible agency, and a partner is responsible only while it
 *       holds an accepted referral (the hospital only after it accepted the s136 handover);</li>
 *   <li>no referral ends without acceptance, police action or a supervisor's recorded decision;</li>
 *   <li>no case is left open with no task for anybody, and police are never sent twice at once;</li>
 *   <li>no case closes while the person's whereabouts are unresolved (the last word on them was a police NO_TRACE, a
 *       partner's NO_CONTACT or a missing-person assessment that did not find them) unless a supervisor recorded why:
 *       {@code closedNotLocated}, the whereabouts and a journal entry.</li>
 * </ol>
 * In some histories the agencies' endpoints are down (every notice, or one kind, fails on every retry):
 * the invariants hold then too, through the NOTIFICATION_FAILED reviews.
 * {@code -Drcrp.invariants.sequences=N} and {@code -Drcrp.invariants.seed=S} reproduce or widen a run, and
 * {@code -Drcrp.invariants.sequence-seed=S} replays one failing sequence alone;
 * a failure prints the seed and the events of the failing sequence ({@code -Drcrp.invariants.trace=true} adds who was
 * responsible and who held which task after each event: slower).
 */
@Deployment(resources = {RcrpCallProcess.RESOURCE, PartnerReferralProcess.RESOURCE, S136HandoverProcess.RESOURCE,
        org.rcrp.handover.plan.ResponseNeedsDecision.RESOURCE})
class CaseInvariantsProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder(ProcessTestBeans.ENGINE_CONFIGURATION).build();

    private static final int SEQUENCES = Integer.getInteger("rcrp.invariants.sequences", 500);
    private static final int MAX_STEPS = 30;
    /** {@code -Drcrp.invariants.trace=true}: a failing sequence also shows who was responsible and held which task. */
    private static final boolean TRACE = Boolean.getBoolean("rcrp.invariants.trace");
    private static final Set<String> SUPERVISOR_DECISION_ENDS = Set.of(PartnerReferralProcess.Elements.END_REROUTED,
            PartnerReferralProcess.Elements.END_POLICE_REQUESTED, PartnerReferralProcess.Elements.END_CLOSED_BY_SUPERVISOR);
    private static final Set<String> ACCEPTED_ENDS = Set.of(PartnerReferralProcess.Elements.END_REFERRAL_COMPLETED,
            PartnerReferralProcess.Elements.END_PASSED_BACK, PartnerReferralProcess.Elements.END_NOT_LOCATED);

    private CaseDriver cases;
    private ProcessEngine processEngine;
    private ProcessTestBeans beans;

    @BeforeEach
    void setUp() {
        processEngine = engine.getProcessEngine();
        ClockUtil.setCurrentTime(new Date(1_795_000_000_000L));
        beans = ProcessTestBeans.register();
        cases = new CaseDriver(processEngine).retryingFailingJobs();
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        ProcessTestBeans.reset();
    }

    @Test
    void randomHistoriesKeepTheRcrpInvariants() {
        long seed = Long.getLong("rcrp.invariants.seed", System.nanoTime());
        Random random = new Random(seed);
        int closed = 0;
        int steps = 0;
        Long onlySequence = Long.getLong("rcrp.invariants.sequence-seed");
        int sequences = onlySequence == null ? SEQUENCES : 1;
        for (int sequence = 0; sequence < sequences; sequence++) {
            long sequenceSeed = onlySequence == null ? random.nextLong() : onlySequence;
            List<String> events = new ArrayList<>();
            try {
                SequenceResult result = runSequence(new Random(sequenceSeed), events);
                closed += result.closed ? 1 : 0;
                steps += result.steps;
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError("Invariant broken in sequence " + sequence + " (run seed " + seed
                        + ", sequence seed " + sequenceSeed + "; -Drcrp.invariants.seed=" + seed
                        + " -Drcrp.invariants.trace=true shows who held what) after events:\n  " + String.join("\n  ", events), failure);
            }
        }
        long failedNotices = processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId(PartnerReferralProcess.Elements.ERROR_NOTIFICATION_FAILED).count();
        System.out.printf("Case invariants: %d sequences, %d steps, %d cases closed, %d with several agencies, "
                + "%d referral notices failed for good, %d people not located at some point, %d closed not located (seed %d)%n",
                sequences, steps, closed, multiAgencyHistories.size(), failedNotices, notLocatedHistories, closedNotLocated, seed);
        if (onlySequence != null) {
            return;
        }
        assertThat(multiAgencyHistories).as("some histories run plans with several agencies").isNotEmpty();
        assertThat(closed).as("some sequences run to closure").isPositive();
        assertThat(failedNotices).as("some histories lose a referral notice").isPositive();
        assertThat(notLocatedHistories).as("some histories lose the person").isPositive();
    }

    /** The test's own account of the person's whereabouts, from what people record (not the models' flags). */
    private boolean unlocated;
    private boolean everUnlocated;
    private int notLocatedHistories;
    private int closedNotLocated;
    private long closuresJournalledBefore;

    private long closuresJournalled() {
        return beans.decisions.stream().filter(entry -> entry.startsWith("CLOSED_NOT_LOCATED: ")).count();
    }

    private final Set<String> multiAgencyHistories = new java.util.HashSet<>();

    private record SequenceResult(boolean closed, int steps) {
    }

    private SequenceResult runSequence(Random random, List<String> events) {
        Category category = pick(random, Category.values());
        Map<String, Object> details = new HashMap<>();
        RcrpCallProcess.Variables.URBAN.putInto(details, random.nextBoolean());
        RcrpCallProcess.Variables.KNOWN_TO_MENTAL_HEALTH.putInto(details, random.nextInt(3) == 0);
        RcrpCallProcess.Variables.KNOWN_TO_SOCIAL_CARE.putInto(details, random.nextInt(4) == 0);
        RcrpCallProcess.Variables.SUBJECT_AGE.putInto(details, random.nextInt(5) == 0 ? null : 10 + random.nextInt(80));
        RcrpCallProcess.Variables.AWOL_PART_THREE.putInto(details, random.nextInt(5) == 0);
        // Agencies' endpoints are down in some histories: every notice, or notices of one kind, fail on every attempt.
        beans.failing.clear();
        int outage = random.nextInt(8);
        if (outage == 0) {
            beans.failing.addAll(java.util.EnumSet.allOf(org.rcrp.handover.notification.Notice.Kind.class));
        } else if (outage == 1) {
            beans.failing.add(pick(random, org.rcrp.handover.notification.Notice.Kind.values()));
        }
        events.add("notices failing: " + beans.failing);
        events.add("log " + category + " " + details);
        unlocated = false;
        everUnlocated = false;
        closuresJournalledBefore = closuresJournalled();
        ProcessInstance call = cases.logCall(category, details);
        checkInvariants(call);

        int step = 0;
        while (step < MAX_STEPS && !cases.isClosed(call)) {
            step++;
            int roll = random.nextInt(10);
            if (roll < 6) {
                completeSomeTask(call, random, events);
            } else if (roll < 9) {
                letTheNextClockRunOut(call, events);
            } else {
                boolean life = random.nextInt(3) == 0;
                boolean crime = random.nextInt(3) == 0;
                events.add("update riskToLife=" + life + " crime=" + crime);
                cases.newInformation(call, "caller rang back", life, false, crime);
            }
            if (TRACE && !cases.isClosed(call)) {
                events.add("  -> " + state(call));
            }
            checkInvariants(call);
        }
        notLocatedHistories += everUnlocated ? 1 : 0;
        return new SequenceResult(cases.isClosed(call), step);
    }

    /** Who is responsible and who holds which task, printed under each event of a failing sequence. */
    private String state(ProcessInstance call) {
        Object responsible = cases.caseVariables(call).get(RcrpCallProcess.Variables.RESPONSIBLE_AGENCY.name());
        List<String> tasks = cases.openTasks(call).stream().map(task -> {
            Map<String, Object> variables = processEngine.getRuntimeService().getVariables(task.getExecutionId());
            Object agency = variables.get("agency");
            return task.getTaskDefinitionKey() + (agency == null ? "" : "(" + agency + " " + variables.get("referralRole") + ")");
        }).toList();
        return "responsible " + responsible + "; open " + tasks;
    }

    private void completeSomeTask(ProcessInstance call, Random random, List<String> events) {
        List<Task> open = cases.openTasks(call);
        Task task = open.get(random.nextInt(open.size()));
        TaskCompletion body = randomBody(task, random);
        events.add("complete " + task.getTaskDefinitionKey() + " " + body);
        ReviewReason reason = RcrpCallProcess.Variables.TASK_REASON.from(processEngine.getTaskService().getVariables(task.getId()));
        cases.complete(task, call, body);
        followWhereabouts(body, reason);
    }

    private void followWhereabouts(TaskCompletion body, ReviewReason reason) {
        Boolean found = null;
        if (body instanceof Attend attend) {
            found = attend.outcome() != AttendOutcome.NO_TRACE;
        } else if (body instanceof RecordPartnerOutcome outcome) {
            found = outcome.outcome() != PartnerOutcome.NO_CONTACT;
        } else if (body instanceof org.rcrp.handover.missing.MissingPersonAssessment assessment && assessment.located()) {
            found = true;
        } else if (body instanceof SupervisorReview review && reason == ReviewReason.NOT_LOCATED
                && review.action() == SupervisorAction.CLOSE && review.whereabouts() == Whereabouts.LOCATED_SAFE) {
            found = true;
        }
        if (found != null) {
            unlocated = !found;
            everUnlocated |= unlocated;
        }
    }

    private void letTheNextClockRunOut(ProcessInstance call, List<String> events) {
        Optional<Job> next = cases.instanceIds(call).stream()
                .flatMap(id -> processEngine.getManagementService().createJobQuery().processInstanceId(id).timers().list().stream())
                .min(Comparator.comparing(Job::getDuedate));
        if (next.isEmpty()) {
            events.add("no clock running");
            return;
        }
        Job timer = next.get();
        if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(timer.getDuedate());
        }
        String activity = processEngine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult()
                .getJobDefinitionId();
        events.add("clock runs out: job " + activity);
        processEngine.getManagementService().executeJob(timer.getId());
        cases.runAsyncJobs(call);
    }

    private TaskCompletion randomBody(Task task, Random random) {
        Map<String, Object> taskVariables = processEngine.getTaskService().getVariables(task.getId());
        return switch (task.getTaskDefinitionKey()) {
            case RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD -> {
                boolean life = random.nextInt(4) == 0;
                AssessThreshold answers = AssessThreshold.answers(random.nextInt(5) == 0, life, false,
                        random.nextInt(8) == 0, random.nextInt(6) == 0, random.nextInt(8) == 0, "random assessment");
                // Risk raised by new information during triage counts as yes: an override away from police is refused.
                boolean raised = RcrpCallProcess.Variables.RAISED_RISK_TO_LIFE.isTrueIn(taskVariables)
                        || RcrpCallProcess.Variables.RAISED_SERIOUS_HARM.isTrueIn(taskVariables);
                yield !life && !raised && random.nextInt(5) == 0
                        ? answers.withOverride(Route.REFER, pick(random, referrable()), "override for a reason")
                        : answers;
            }
            case RcrpCallProcess.Elements.USER_INFORM_CALLER -> new InformCaller(pick(random, InformMethod.values()), "note");
            case RcrpCallProcess.Elements.USER_ATTEND -> {
                // Officers find no trace more often than the other outcomes come up by chance: the loops get exercised.
                AttendOutcome outcome = random.nextInt(3) == 0 ? AttendOutcome.NO_TRACE : pick(random, AttendOutcome.values());
                yield new Attend(outcome, outcome == AttendOutcome.REFER_PARTNER ? pick(random, referrable()) : null, "note");
            }
            case PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL -> {
                if (!random.nextBoolean()) {
                    yield new AcceptReferral(ReferralDecision.REJECT, pick(random, RejectionReason.values()), "reason given");
                }
                // An emergency transfer is accepted with a category and an ETA, sometimes beyond the risk window.
                boolean emergency = org.rcrp.handover.referral.AmbulanceTransfer.emergency(taskVariables.get("agency"),
                        taskVariables.get("referralGrade"));
                yield emergency
                        ? new AcceptReferral(ReferralDecision.ACCEPT, null, null, pick(random, AmbulanceCategory.values()),
                                java.time.OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant()
                                        .plusSeconds(60L * (5 + random.nextInt(50))), java.time.ZoneOffset.UTC))
                        : new AcceptReferral(ReferralDecision.ACCEPT, null, null);
            }
            case PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME -> {
                PartnerOutcome outcome = random.nextInt(3) == 0 ? PartnerOutcome.NO_CONTACT : pick(random, PartnerOutcome.values());
                yield new RecordPartnerOutcome(outcome, "note");
            }
            case S136HandoverProcess.Elements.USER_ACCEPT_HANDOVER -> {
                // Sometimes a delay agreed with police; never one past the detention limit (refused, as it should be)
                AcceptHandover delay = new AcceptHandover(HandoverDecision.AGREE_DELAY, java.time.OffsetDateTime.ofInstant(
                        ClockUtil.getCurrentTime().toInstant().plusSeconds(60L * (10 + random.nextInt(50))), java.time.ZoneOffset.UTC),
                        "PS Jones", "agreed");
                yield random.nextInt(4) == 0 && delay.validate(taskVariables).isEmpty() ? delay : new AcceptHandover(null);
            }
            case S136HandoverProcess.Elements.USER_RECORD_ARRIVAL -> new org.rcrp.handover.s136.RecordArrival(null,
                    java.time.OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), java.time.ZoneOffset.UTC),
                    pick(random, Conveyance.values()), "reason", PlaceOfSafety.HEALTH_BASED, null);
            case S136HandoverProcess.Elements.USER_COMPLETE_ASSESSMENT -> new org.rcrp.handover.s136.CompleteAssessment(null,
                    pick(random, AssessmentOutcome.values()), null);
            case RcrpCallProcess.Elements.USER_SUPERVISOR_REVIEW -> {
                ReviewReason reason = RcrpCallProcess.Variables.TASK_REASON.from(taskVariables);
                SupervisorAction action = pick(random, reason.allowedActions().toArray(SupervisorAction[]::new));
                yield new SupervisorReview(action, action == SupervisorAction.REROUTE ? pick(random, referrable()) : null,
                        "supervisor decision", action == SupervisorAction.CLOSE ? pick(random, Whereabouts.values()) : null, null,
                        action == SupervisorAction.WITHDRAW ? "risk assessed" : null);
            }
            case RcrpCallProcess.Elements.USER_MISSING_PERSON_ASSESSMENT -> new org.rcrp.handover.missing.MissingPersonAssessment(
                    pick(random, MissingPersonRisk.values()), random.nextBoolean(), "risk assessment");
            default -> throw new AssertionError("No body for task " + task.getTaskDefinitionKey());
        };
    }

    private void checkInvariants(ProcessInstance call) {
        HistoryService history = processEngine.getHistoryService();
        List<HistoricProcessInstance> allReferrals = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(call.getBusinessKey()).processDefinitionKey(PartnerReferralProcess.KEY).list();
        // A plan's supporting referrals run beside the lead and never move the case's owner: the ownership invariants
        // are about the lead referrals; the supporting ones have their own below.
        List<HistoricProcessInstance> referrals = allReferrals.stream()
                .filter(referral -> !ReferralRole.SUPPORT.name().equals(historicValue(referral.getId(), "referralRole"))).toList();
        List<HistoricProcessInstance> supporting = allReferrals.stream().filter(referral -> !referrals.contains(referral)).toList();
        if (!supporting.isEmpty()) {
            multiAgencyHistories.add(call.getBusinessKey());
        }

        for (HistoricProcessInstance referral : allReferrals.stream().filter(r -> r.getEndTime() != null).toList()) {
            Set<String> ends = endActivities(referral.getId());
            boolean accepted = ends.stream().anyMatch(ACCEPTED_ENDS::contains)
                    && historicValue(referral.getId(), PartnerReferralProcess.Variables.ACCEPTED_AT.name()) != null;
            boolean supervisorDecided = ends.stream().anyMatch(SUPERVISOR_DECISION_ENDS::contains)
                    && historicValue(referral.getId(), RcrpCallProcess.Variables.SUPERVISOR_ACTION.name()) != null;
            boolean superseded = org.rcrp.handover.intake.EngineCaseReferrals.SUPERSEDED.equals(referral.getDeleteReason());
            boolean cancelled = !superseded && referral.getDeleteReason() != null
                    && (passed(call.getId(), RcrpCallProcess.Elements.SERVICE_APPLY_RAISED_RISK)
                        || passed(call.getId(), RcrpCallProcess.Elements.SERVICE_STAND_DOWN));
            assertThat(accepted || supervisorDecided || cancelled || superseded)
                    .as("referral %s ended at %s without acceptance, police action, a supervisor's decision or the case closing",
                            referral.getId(), ends)
                    .isTrue();
            if (cancelled) {
                Object agency = historicValue(referral.getId(), "agency");
                boolean declined = "REJECT".equals(String.valueOf(historicValue(referral.getId(), "decision")));
                boolean toldOrDeclined = declined || beans.decisions.stream().anyMatch(entry ->
                        entry.startsWith("STOOD_DOWN: " + agency) || entry.startsWith("STAND_DOWN_NOTICE_FAILED: " + agency));
                assertThat(toldOrDeclined).as("%s, whose referral was cancelled, was stood down (or had declined)", agency).isTrue();
            }
        }

        if (cases.isClosed(call)) {
            assertThat(cases.caseVariable(call, RcrpCallProcess.Variables.STATE)).isEqualTo(CaseState.CLOSED);
            if (unlocated) {
                assertThat(cases.caseVariable(call, RcrpCallProcess.Variables.CLOSED_NOT_LOCATED))
                        .as("closed with the person's whereabouts unresolved: only by a supervisor (closedNotLocated)").isTrue();
                assertThat(cases.caseVariable(call, RcrpCallProcess.Variables.WHEREABOUTS)).as("the whereabouts recorded").isNotNull();
                assertThat(passed(call.getId(), RcrpCallProcess.Elements.SERVICE_CLOSE_NOT_LOCATED)).isTrue();
                assertThat(closuresJournalled()).as("the closure is journalled").isEqualTo(closuresJournalledBefore + 1L);
                closedNotLocated++;
                unlocated = false;
            }
            return;
        }
        Map<String, Object> variables = cases.caseVariables(call);
        Agency responsible = RcrpCallProcess.Variables.RESPONSIBLE_AGENCY.from(variables);
        assertThat(responsible).as("responsible agency").isNotNull();
        assertThat(RcrpCallProcess.Variables.STATE.from(variables)).as("state").isNotNull().isNotEqualTo(CaseState.CLOSED);

        List<Task> open = cases.openTasks(call);
        assertThat(open).as("an open case always has work for somebody").isNotEmpty();
        assertThat(open).filteredOn(task -> task.getTaskDefinitionKey().equals(RcrpCallProcess.Elements.USER_ATTEND))
                .as("police are sent once at a time: never two attendances on one case").hasSizeLessThanOrEqualTo(1);

        Set<String> activeLeadReferrals = referrals.stream().filter(r -> r.getEndTime() == null)
                .map(HistoricProcessInstance::getId).collect(java.util.stream.Collectors.toSet());
        List<Task> outcomeTasks = open.stream()
                .filter(task -> task.getTaskDefinitionKey().equals(PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME))
                .filter(task -> activeLeadReferrals.contains(task.getProcessInstanceId()))
                .toList();
        for (HistoricProcessInstance support : supporting) {
            Object agency = historicValue(support.getId(), "agency");
            assertThat(beans.ledger.entries(call.getBusinessKey())).as("a supporting referral's agency is on the plan")
                    .anySatisfy(entry -> assertThat(entry.agency().name()).isEqualTo(agency));
        }
        if (responsible == Agency.POLICE) {
            assertThat(outcomeTasks).as("police responsible while a partner holds an accepted referral").isEmpty();
        } else if (responsible == Agency.HOSPITAL) {
            // Police withdraw after the hour only on a recorded risk assessment (SupervisorReview requires it)
            assertThat(history.createHistoricVariableInstanceQuery().variableNameIn(S136HandoverProcess.Variables.HANDED_OVER_AT.name(),
                            S136HandoverProcess.Variables.POLICE_WITHDREW_AT.name())
                    .processInstanceIdIn(historicIds(call, S136HandoverProcess.KEY)).count())
                    .as("hospital responsible only after accepting the handover or police withdrawing").isPositive();
        } else {
            // The latest referral: ids grow with creation (the clock may stand still between steps, so times can tie).
            HistoricProcessInstance latest = referrals.stream()
                    .max(Comparator.comparing(referral -> Long.parseLong(referral.getId())))
                    .orElseThrow(() -> new AssertionError(responsible + " responsible without any referral"));
            assertThat(referrals.stream().filter(r -> r.getEndTime() == null).count()).as("active referrals").isLessThanOrEqualTo(1);
            assertThat(historicValue(latest.getId(), "agency")).as("agency of the latest referral").isEqualTo(responsible.name());
            assertThat(historicValue(latest.getId(), PartnerReferralProcess.Variables.ACCEPTED_AT.name()))
                    .as("%s responsible only once it accepted", responsible).isNotNull();
            boolean holdsIt = latest.getEndTime() == null
                    || endActivities(latest.getId()).contains(PartnerReferralProcess.Elements.END_REFERRAL_COMPLETED);
            assertThat(holdsIt).as("%s responsible only while it holds, or has completed, the referral", responsible).isTrue();
            assertThat(outcomeTasks.size()).as("outcome tasks").isLessThanOrEqualTo(1);
        }
    }

    private Set<String> endActivities(String processInstanceId) {
        return processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .list().stream()
                .filter(activity -> activity.getActivityType().endsWith("EndEvent"))
                .map(HistoricActivityInstance::getActivityId)
                .collect(java.util.stream.Collectors.toSet());
    }

    private boolean passed(String processInstanceId, String activityId) {
        return processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).activityId(activityId).count() > 0;
    }

    private Object historicValue(String processInstanceId, String name) {
        return processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName(name).list().stream()
                .map(variable -> variable.getValue()).filter(value -> value != null).findFirst().orElse(null);
    }

    private String[] historicIds(ProcessInstance call, String key) {
        return processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(call.getBusinessKey()).processDefinitionKey(key).list().stream()
                .map(HistoricProcessInstance::getId).toArray(String[]::new);
    }

    private static Agency[] referrable() {
        return java.util.Arrays.stream(Agency.values()).filter(Agency::takesReferrals).toArray(Agency[]::new);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
