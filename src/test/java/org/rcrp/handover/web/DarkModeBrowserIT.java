package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.ReferralDecision;
import org.rcrp.handover.process.RejectionReason;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.referral.AcceptReferral;
import org.rcrp.handover.support.WaitingTasks;
import org.rcrp.handover.triage.AssessThreshold;

/**
 * Issue 23: "dark rooms get a white page". With the screen set to dark (prefers-color-scheme, emulated through the
 * DevTools protocol) the main pages — work, a case, a partner's task, escalations, figures — are dark, and axe-core finds
 * no serious or critical violation, colour contrast included. Printed, a page stays dark text on white paper.
 */
class DarkModeBrowserIT extends BrowserITBase {

    private static final Actor HANDLER1 = new Actor("handler1", Set.of("call-handlers"));
    private static final Actor HANDLER2 = new Actor("handler2", Set.of("call-handlers"));
    private static final Actor CRISIS_TEAM = new Actor("mhcrisis1", Set.of("mental-health"));

    @BeforeEach
    void darkScreen() {
        emulate(null, "dark");
    }

    @AfterEach
    void lightAgain() {
        emulate(null, "light");
    }

    @Test
    void theMainPagesAreDarkAndReadableInADarkRoom() {
        String rejected = referredToTheCrisisTeam("CAD-DARK-" + shortId());
        WorkItem rejection = WaitingTasks.of(tasks, rejected, CRISIS_TEAM);
        tasks.claim(rejection.id(), CRISIS_TEAM);
        tasks.complete(rejection.id(), CRISIS_TEAM, new AcceptReferral(ReferralDecision.REJECT, RejectionReason.NOT_OUR_SERVICE,
                "Not known to the team"));
        String waiting = referredToTheCrisisTeam("CAD-DARK-" + shortId());
        WorkItem accept = WaitingTasks.of(tasks, waiting, CRISIS_TEAM);
        String untriaged = intake.log(new NewCall("CAD-DARK-" + shortId(), Source.PUBLIC_101, Category.CONCERN_FOR_WELFARE,
                "Neighbour not seen for two days", null, new NewCall.Subject("Ann Lee", 52, List.of()), null, null), HANDLER2).call().id();
        WorkItem triage = WaitingTasks.of(tasks, untriaged, HANDLER1);
        tasks.claim(triage.id(), HANDLER1);

        browser.manage().deleteAllCookies();
        steps.open("/work");
        steps.waitFor(By.id("username"));
        assertDarkAndAccessible("sign-in");
        steps.signIn("handler1");
        steps.waitFor(By.id("queues"));
        assertDarkAndAccessible("work");
        PageChecks.screenshot(browser, "work-queues-dark");

        steps.open("/cases/" + waiting);
        steps.waitFor(By.id("timeline"));
        assertDarkAndAccessible("case");

        steps.open("/work/" + triage.id() + "/triage");
        steps.waitFor(By.id("rationale"));
        assertDarkAndAccessible("triage");

        steps.open("/cases/" + UUID.randomUUID());
        steps.waitFor(By.tagName("h1"));
        assertDarkAndAccessible("not found");

        steps.open("/calls/new");
        steps.click(By.id("log"));
        steps.waitFor(By.id("error-summary"));
        assertDarkAndAccessible("log a call with errors");

        steps.signIn("mhcrisis1");
        steps.open("/work/" + accept.id());
        steps.waitFor(By.tagName("form"));
        assertDarkAndAccessible("accept referral");

        steps.signIn("supervisor1");
        steps.open("/escalations");
        steps.waitForText(By.tagName("main"), "Not known to the team");
        assertDarkAndAccessible("escalations");

        steps.signIn("manager1");
        steps.open("/figures");
        steps.waitFor(By.id("headline"));
        assertDarkAndAccessible("figures");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('presets').scrollIntoView()");
        PageChecks.screenshot(browser, "figures-dark");
    }

    @Test
    void aPrintedPageStaysLight() {
        steps.signIn("handler1");
        steps.waitFor(By.id("queues"));
        assertThat(luminance(background("body"))).as("the screen is dark").isLessThan(0.1);
        emulate("print", "dark");
        assertThat(luminance(background("body"))).as("paper is white").isGreaterThan(0.9);
        assertThat(luminance(colour("h1"))).as("and the ink dark").isLessThan(0.1);
    }

    private void assertDarkAndAccessible(String page) {
        assertThat(luminance(background("body"))).as("%s's background in dark mode", page).isLessThan(0.1);
        assertThat(luminance(colour("main"))).as("%s's text in dark mode", page).isGreaterThan(0.6);
        PageChecks.assertAccessible(browser, page + " in dark mode");
        PageChecks.assertFits(browser, page + " in dark mode");
    }

    private String background(String selector) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.querySelector(arguments[0])).backgroundColor", selector);
    }

    private String colour(String selector) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.querySelector(arguments[0])).color", selector);
    }

    /** WCAG relative luminance of "rgb(r, g, b)": 0 black, 1 white. */
    private static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,.]", "").split(",");
        double[] channel = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Double.parseDouble(parts[i]) / 255;
            channel[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
    }

    private void emulate(String media, String scheme) {
        ((ChromiumDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media == null ? "" : media,
                "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private String referredToTheCrisisTeam(String reference) {
        String caseId = intake.log(new NewCall(reference, Source.PUBLIC_999, Category.CONCERN_FOR_WELFARE,
                "Sister worried: brother left the house upset after stopping his medication", null,
                new NewCall.Subject("Sam Webb", 34, List.of(Agency.MENTAL_HEALTH)), null, null), HANDLER2).call().id();
        WorkItem triage = WaitingTasks.of(tasks, caseId, HANDLER2);
        tasks.claim(triage.id(), HANDLER2);
        tasks.complete(triage.id(), HANDLER2, AssessThreshold.answers(false, false, false, false, false, false,
                "Known to the crisis team; no threat to life"));
        return caseId;
    }
}
