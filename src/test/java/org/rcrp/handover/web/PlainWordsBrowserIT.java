package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Conveyance;
import org.rcrp.handover.process.PartnerOutcome;
import org.rcrp.handover.process.PlaceOfSafety;
import org.rcrp.handover.process.ReferralDecision;
import org.rcrp.handover.process.RejectionReason;
import org.rcrp.handover.process.S136Details;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.referral.AcceptReferral;
import org.rcrp.handover.referral.RecordPartnerOutcome;
import org.rcrp.handover.support.WaitingTasks;
import org.rcrp.handover.triage.AssessThreshold;

/**
 * No code, key or {@code null} reaches a page: a realistic set of cases (a referral, a rejected referral, a person not
 * located, a police attendance, an s136 handover, a triage still open) is driven through every page a person reaches —
 * work, log a call, triage, each kind of task page (with its errors), the case page, contacts, escalations, figures,
 * disputes, an error page — and each page's visible text, and the words of every option in its lists, is scanned for
 * {@code SOME_CODE} and {@code null}. Every hit of every page is listed at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlainWordsBrowserIT extends BrowserITBase {

    private static final Pattern CODE = Pattern.compile("\\b[A-Z]+_[A-Z_]+\\b");
    private static final Pattern NULL = Pattern.compile("\\bnull\\b");
    private static final Actor HANDLER2 = new Actor("handler2", Set.of("call-handlers"));
    private static final Actor HANDLER1 = new Actor("handler1", Set.of("call-handlers"));
    private static final Actor CRISIS = new Actor("mhcrisis1", Set.of("mental-health"));
    private static final Actor SUPERVISOR = new Actor("supervisor1", Set.of("police-supervisors"));
    private static final Actor OFFICER = new Actor("officer1", Set.of("response-officers"));
    private static final Actor HOSPITAL = new Actor("hospital1", Set.of("hospital-liaison"));

    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final Map<String, Set<String>> hits = new LinkedHashMap<>();

    private String referredCase;
    private String acceptTask;
    private String informTask;
    private String rejectedCase;
    private String notLocatedCase;
    private String attendTask;
    private String handoverTask;
    private String s136Case;
    private String triageTask;

    @BeforeAll
    void aShiftOfCases() {
        openTheApp();

        referredCase = referred("CAD-PW-REF-" + tag);
        informTask = claimed(referredCase, HANDLER2);
        acceptTask = claimed(referredCase, CRISIS);

        rejectedCase = referred("CAD-PW-REJ-" + tag);
        tasks.complete(claimed(rejectedCase, CRISIS), CRISIS,
                new AcceptReferral(ReferralDecision.REJECT, RejectionReason.NOT_OUR_SERVICE, "Not known to us"));

        notLocatedCase = referred("CAD-PW-NL-" + tag);
        tasks.complete(claimed(notLocatedCase, CRISIS), CRISIS, new AcceptReferral(ReferralDecision.ACCEPT, null, "Will visit"));
        tasks.complete(claimed(notLocatedCase, CRISIS), CRISIS, new RecordPartnerOutcome(PartnerOutcome.NO_CONTACT, "No answer"));

        String police = logged("CAD-PW-POL-" + tag, Source.PUBLIC_999, "Screaming and sounds of fighting next door");
        tasks.complete(claimed(police, HANDLER2), HANDLER2, AssessThreshold.answers(false, true, false, false, false, false,
                "Threat to life reported"));
        attendTask = claimed(police, OFFICER);

        Instant arrived = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        s136Case = intake.log(new NewCall("CAD-PW-136-" + tag, Source.PUBLIC_999, Category.S136_HANDOVER,
                "Detained under s136 at the station", null, new NewCall.Subject("Robin Vale", 29, List.of()), null, null, null,
                new S136Details(arrived.minus(Duration.ofMinutes(35)).atOffset(ZoneOffset.UTC), arrived.atOffset(ZoneOffset.UTC),
                        Conveyance.AMBULANCE, null, PlaceOfSafety.HEALTH_BASED)), HANDLER2).call().id();
        handoverTask = claimed(s136Case, HOSPITAL);

        triageTask = claimed(logged("CAD-PW-TRI-" + tag, Source.PUBLIC_101, "Neighbour worried, not seen for two days"), HANDLER1);
    }

    @Test
    @Order(1)
    void theCallHandlersPagesAreInWords() {
        steps.signIn("handler1");
        scan("work");
        steps.open("/calls/new");
        steps.waitFor(By.id("log"));
        scan("log a call");
        steps.type("reference", "");
        steps.click(By.id("log"));
        steps.waitFor(By.id("error-summary"));
        scan("log a call, with its errors");

        steps.open("/work/" + triageTask + "/triage");
        steps.waitFor(By.id("confirm-end"));
        scan("triage");
        steps.click(By.id("confirm-end"));
        steps.waitFor(By.id("error-summary"));
        scan("triage, with its errors");
        steps.choose("riskToLife-no");
        steps.choose("seriousHarm-no");
        steps.choose("childAtRisk-no");
        steps.choose("crime-no");
        steps.choose("missingPerson-no");
        steps.choose("medicalEmergency-no");
        steps.type("rationale", "Neighbour's concern only");
        steps.click(By.id("check"));
        steps.waitFor(By.id("recommendation"));
        scan("triage, with its recommendation");

        steps.signIn("handler2");
        task("inform the caller", informTask);
        steps.open("/cases/" + referredCase);
        steps.waitFor(By.id("facts"));
        scan("case page");
        steps.open("/cases/" + referredCase + "/contacts");
        scan("contacts");
        steps.open("/cases/" + UUID.randomUUID());
        scan("case not found");
    }

    @Test
    @Order(2)
    void thePartnersOfficersAndHospitalsPagesAreInWords() {
        steps.signIn("mhcrisis1");
        scan("crisis team's work");
        task("accept a referral", acceptTask);
        steps.open("/cases/" + referredCase);
        steps.waitFor(By.id("facts"));
        scan("case page, as the crisis team");

        steps.signIn("officer1");
        task("attend", attendTask);

        steps.signIn("hospital1");
        task("s136 handover", handoverTask, "decision-AGREE_DELAY");
        steps.open("/cases/" + s136Case);
        steps.waitFor(By.id("facts"));
        scan("s136 case page");
    }

    @Test
    @Order(3)
    void theSupervisorsPagesAreInWords() {
        steps.signIn("supervisor1");
        steps.open("/escalations");
        steps.waitFor(By.id("escalations"));
        scan("escalations");
        String rejected = claimed(rejectedCase, SUPERVISOR);
        task("supervisor review of a rejection", rejected);
        String notLocated = claimed(notLocatedCase, SUPERVISOR);
        task("supervisor review of a person not located", notLocated);
        steps.open("/work");
        scan("supervisor's work");
    }

    @Test
    @Order(4)
    void theManagersPagesAreInWords() {
        steps.signIn("manager1");
        steps.open("/figures");
        scan("figures");
        steps.open("/disputes");
        scan("disputes");
    }

    @Test
    @Order(5)
    void noPageShowsACodeOrNull() {
        assertThat(hits).as("codes or null on the pages (page → what it showed)").isEmpty();
    }

    /** A task's page as opened, then sent empty but for the choices given (every "required" error on it). */
    private void task(String name, String taskId, String... choices) {
        steps.open("/work/" + taskId);
        steps.waitFor(By.id("complete"));
        scan(name);
        for (String choice : choices) {
            steps.choose(choice);
        }
        steps.click(By.id("complete"));
        steps.waitFor(By.id("error-summary"));
        scan(name + ", with its errors");
    }

    /** Notes every code and null in the page's visible text and in its lists' options. */
    private void scan(String page) {
        steps.waitFor(By.tagName("main"));
        String text = (String) ((JavascriptExecutor) browser).executeScript(
                "return document.body.innerText + '\\n' + Array.from(document.querySelectorAll('option'))"
                        + ".map(o => o.text).join('\\n') + '\\n' + document.title;");
        Set<String> found = new LinkedHashSet<>();
        for (Pattern pattern : List.of(CODE, NULL)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                found.add(context(text, matcher.start(), matcher.end()));
            }
        }
        if (!found.isEmpty()) {
            hits.put(page, found);
        }
    }

    private static String context(String text, int start, int end) {
        int from = Math.max(0, text.lastIndexOf('\n', start - 1) + 1);
        int to = text.indexOf('\n', end);
        String line = text.substring(Math.max(from, start - 60), to < 0 ? Math.min(text.length(), end + 60) : Math.min(to, end + 60));
        return text.substring(start, end) + " in \"" + line.strip() + "\"";
    }

    private String logged(String reference, Source source, String summary) {
        return intake.log(new NewCall(reference, source, Category.CONCERN_FOR_WELFARE, summary,
                new NewCall.Location("12 Quarry Lane", true), new NewCall.Subject("Tom Reid", 35, List.of(Agency.MENTAL_HEALTH)),
                new NewCall.Caller("Ann Reid", "07700 900123", "sister"), null), HANDLER2).call().id();
    }

    /** A concern for welfare about a man known to the crisis team, triaged to it. */
    private String referred(String reference) {
        String caseId = logged(reference, Source.PUBLIC_101, "Sister worried: brother stopped answering after a hospital discharge");
        tasks.complete(claimed(caseId, HANDLER2), HANDLER2, AssessThreshold.answers(false, false, false, false, false, false,
                "Known to the crisis team; no threat to life reported"));
        return caseId;
    }

    /** The case's task waiting for this user's groups, claimed by them. */
    private String claimed(String caseId, Actor actor) {
        WorkItem task = WaitingTasks.of(tasks, caseId, actor);
        tasks.claim(task.id(), actor);
        return task.id();
    }
}
