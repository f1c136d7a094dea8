package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.support.WaitingTasks;
import org.rcrp.handover.triage.AssessThreshold;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 24, "every model in bpmn/ carries a layout that Cockpit shows with the running tokens": the administrator signs
 * in with the demo sign-in page, opens a running case in Cockpit (the Camunda webapps in the application, headless
 * chromium, PostgreSQL) and sees the process drawn from the model's own layout, with the case's one token — Cockpit's
 * running-activity badge — on the activity where the case waits and on no other.
 */
class CockpitTokensBrowserIT extends BrowserITBase {

    private static final Actor HANDLER2 = new Actor("handler2", Set.of("call-handlers"));
    private static final Actor CRISIS_TEAM = new Actor("mhcrisis1", Set.of("mental-health"));
    /** Cockpit is a large single-page application: its first load on a busy machine takes a while. */
    private static final Duration COCKPIT = Duration.ofSeconds(90);

    /** The call process is wide: a large screen shows its tasks big enough to read in the screenshot. */
    private static final Dimension WIDE_SCREEN = new Dimension(1920, 1080);

    /** A badge a person sees: laid out with a size on the page (a badge on another plane has none). */
    private static final String DRAWN = "shown.getBoundingClientRect().width > 0 && shown.getBoundingClientRect().height > 0";

    @Autowired
    RuntimeService runtime;

    @Test
    void aNewCaseWaitsOnTheTriageTaskInCockpit() {
        String caseId = logged("Neighbour not seen for two days", List.of());
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(RcrpCallProcess.KEY)
                .processInstanceBusinessKey(caseId).singleResult().getId();

        browser.manage().window().setSize(WIDE_SCREEN);
        signInAsAdministrator();
        openInCockpit(instance);
        assertThat(tokensOn(RcrpCallProcess.Elements.SUBPROCESS_CASE)).as("the case's sub-process holds the token").isOne();
        assertTokensOnlyOn(RcrpCallProcess.Elements.SUBPROCESS_CASE);

        drillInto(RcrpCallProcess.Elements.SUBPROCESS_CASE);
        assertDrawn(RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD);
        assertThat(tokensOn(RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD)).as("the triage task holds the token").isOne();
        assertTokensOnlyOn(RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD);
        closeUpOn(instance, RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD);
        PageChecks.screenshot(browser, "cockpit-tokens");
    }

    @Test
    void aReferredCaseWaitsOnThePartnersAcceptanceInTheCalledReferral() {
        String caseId = logged("Sister worried: brother left the house upset after stopping his medication",
                List.of(Agency.MENTAL_HEALTH));
        WorkItem triage = WaitingTasks.of(tasks, caseId, HANDLER2);
        tasks.claim(triage.id(), HANDLER2);
        tasks.complete(triage.id(), HANDLER2, AssessThreshold.answers(false, false, false, false, false, false,
                "Known to the crisis team; no threat to life"));
        WaitingTasks.of(tasks, caseId, CRISIS_TEAM);
        String call = runtime.createProcessInstanceQuery().processDefinitionKey(RcrpCallProcess.KEY)
                .processInstanceBusinessKey(caseId).singleResult().getId();
        String referral = runtime.createProcessInstanceQuery().processDefinitionKey(PartnerReferralProcess.KEY)
                .superProcessInstanceId(call).singleResult().getId();

        signInAsAdministrator();
        openInCockpit(call);
        drillInto(RcrpCallProcess.Elements.SUBPROCESS_CASE);
        assertDrawn(RcrpCallProcess.Elements.CALL_PARTNER_REFERRAL);
        assertThat(tokensOn(RcrpCallProcess.Elements.CALL_PARTNER_REFERRAL)).as("the call waits on its referral").isOne();
        assertTokensOnlyOn(RcrpCallProcess.Elements.CALL_PARTNER_REFERRAL, RcrpCallProcess.Elements.USER_INFORM_CALLER);

        openInCockpit(referral);
        assertDrawn(PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL);
        assertThat(tokensOn(PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL))
                .as("the referral waits for the crisis team to accept it").isOne();
        assertTokensOnlyOn(PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL);
    }

    private String logged(String reason, List<Agency> knownTo) {
        return intake.log(new NewCall("CAD-K-" + shortId(), Source.PUBLIC_999, Category.CONCERN_FOR_WELFARE, reason, null,
                new NewCall.Subject("Sam Webb", 34, knownTo), null, null), HANDLER2).call().id();
    }

    /** The webapps take the demo sign-in page's session (administrators only). */
    private void signInAsAdministrator() {
        browser.manage().deleteAllCookies();
        steps.open("/login");
        steps.type("username", "admin1");
        steps.type("password", "admin1");
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> !driver.getCurrentUrl().contains("/login"));
    }

    /** Cockpit's instance view of one process instance, once its diagram and running-activity badges are drawn. */
    private void openInCockpit(String instance) {
        steps.open("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime");
        waitInCockpit("the diagram of " + instance + " with its running-activity badges",
                driver -> !activitiesWithTokens().isEmpty());
    }

    /**
     * A collapsed sub-process has a plane of its own in the model's layout: Cockpit draws it on its own when one
     * follows the sub-process's drill-down button, as a person does.
     */
    private void drillInto(String subProcess) {
        waitInCockpit("the drill-down button of " + subProcess, driver -> {
            WebElement drillDown = driver.findElement(
                    By.cssSelector(".djs-overlays[data-container-id='" + subProcess + "'] button.bjs-drilldown"));
            drillDown.click();
            return true;
        });
    }

    /** The activity is a shape drawn from the model's layout, with a size of its own on the canvas. */
    private void assertDrawn(String activity) {
        WebElement shape = waitInCockpit(activity + " drawn",
                driver -> driver.findElement(By.cssSelector("g.djs-shape[data-element-id='" + activity + "']")));
        waitInCockpit(activity + " on the visible plane", driver -> Boolean.TRUE.equals(script(
                "var box = arguments[0].getBoundingClientRect(); return box.width > 0 && box.height > 0;", shape)));
    }

    /**
     * For the screenshot: a close-up on the activity. Cockpit keeps the part of the diagram in view and the plane in
     * its address ({@code viewbox}, {@code rootElement}), as a link to share; the page opened at that address shows it.
     */
    private void closeUpOn(String instance, String activity) {
        waitInCockpit("the diagram's view in the address", driver -> driver.getCurrentUrl().contains("viewbox="));
        String viewbox = String.valueOf(script("var shape = document.querySelector(\"g.djs-shape[data-element-id='" + activity
                + "']\"); var at = shape.transform.baseVal.consolidate().matrix;"
                + " var shown = JSON.parse(decodeURIComponent(location.hash.match(/viewbox=([^&]+)/)[1]));"
                + " var box = {}; box[Object.keys(shown)[0]] = {x: at.e - 500, y: at.f - 220, width: 1300, height: 560};"
                + " return encodeURIComponent(JSON.stringify(box));"));
        String plane = browser.getCurrentUrl().replaceAll(".*[?&](rootElement=[^&]+).*", "$1");
        steps.open("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime?viewbox=" + viewbox + "&" + plane);
        browser.navigate().refresh();
        waitInCockpit("the close-up on " + activity, driver -> Boolean.TRUE.equals(script(
                "var shape = document.querySelector(\"g.djs-shape[data-element-id='" + activity + "']\");"
                        + " return shape !== null && shape.getBoundingClientRect().width > 60;")));
        assertThat(tokensOn(activity)).as("the token on %s in the close-up", activity).isOne();
    }

    /** The count on the running-activity badge Cockpit lays over an activity, once it is shown. */
    private int tokensOn(String activity) {
        String count = waitInCockpit("the running-activity badge on " + activity, driver -> String.valueOf(script(
                "var badge = Array.from(document.querySelectorAll(\".djs-overlays[data-container-id='" + activity
                        + "'] .instance-count\")).find(shown => " + DRAWN + "); return badge ? badge.textContent.trim() : '';"))
                .transform(shown -> shown.isEmpty() ? null : shown));
        return Integer.parseInt(count);
    }

    private <T> T waitInCockpit(String what, Function<WebDriver, T> condition) {
        WebDriverWait cockpit = new WebDriverWait(browser, COCKPIT);
        cockpit.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
        try {
            return cockpit.until(condition);
        } catch (TimeoutException notShown) {
            throw new AssertionError("Cockpit did not show " + what + " at " + browser.getCurrentUrl() + " ("
                    + browser.getTitle() + ")", notShown);
        }
    }

    /** The badges shown settle on exactly these activities: the case waits there and nowhere else. */
    private void assertTokensOnlyOn(String... activities) {
        try {
            waitInCockpit("tokens on " + List.of(activities) + " only",
                    driver -> Set.copyOf(activitiesWithTokens()).equals(Set.of(activities)) ? true : null);
        } catch (AssertionError notOnly) {
            assertThat(activitiesWithTokens()).as(notOnly.getMessage()).containsExactlyInAnyOrder(activities);
            throw notOnly;
        }
    }

    /** Every activity that shows a running-activity badge with a count. */
    @SuppressWarnings("unchecked")
    private List<String> activitiesWithTokens() {
        return (List<String>) script("return Array.from(document.querySelectorAll('.djs-overlays .instance-count'))"
                + ".filter(badge => " + DRAWN.replace("shown", "badge") + " && badge.textContent.trim() !== '')"
                + ".map(badge => badge.closest('.djs-overlays').getAttribute('data-container-id'));");
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }
}
