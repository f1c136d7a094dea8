package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.support.WaitingTasks;
import org.rcrp.handover.triage.AssessThreshold;

/**
 * The case page read by someone taking a case over, in a real browser (headless Debian chromium) on PostgreSQL: a banner
 * first with the state, who is responsible now, the grade and the next clock; the chronology newest first with full dates,
 * in words, the routine audit rows hidden until asked for (without JavaScript: a link); and printed, no navigation or demo
 * banner but the protective marking, who printed it and when. Passes axe-core and fits the screen.
 */
class CasePageBrowserIT extends BrowserITBase {

    private static final Actor HANDLER2 = new Actor("handler2", Set.of("call-handlers"));
    private static final Actor CRISIS_TEAM = new Actor("mhcrisis1", Set.of("mental-health"));
    /** A full date and time with its zone, as the chronology and the banner give them. */
    private static final String FULL_DATE = "\\w{3} \\d{1,2} \\w{3,4} \\d{4}, \\d{2}:\\d{2}:\\d{2} (GMT|BST)";
    /** What a code looks like when it reaches a page (MENTAL_HEALTH, TASK_CLAIMED). */
    private static final String CODE = "\\b[A-Z0-9]+_[A-Z0-9_]+\\b";

    @Test
    void theCasePageLeadsWithWhereTheCaseStandsAndTheNewestFactAndPrintsMarked() {
        String reference = "CAD-C-" + UUID.randomUUID().toString().substring(0, 8);
        String caseId = referredToTheCrisisTeam(reference);
        String note = "Sister rang back: he is at the bus station " + reference;

        steps.signIn("handler1");
        steps.open("/cases/" + caseId);

        // The banner: where the case stands, who has the person now, the grade and the clock that runs out next.
        steps.waitFor(By.id("status-banner"));
        assertThat(steps.text(By.id("status-state"))).isEqualTo("Referred to a partner");
        assertThat(steps.text(By.id("status-responsible"))).as("police own the person until a partner accepts").isEqualTo("Police");
        assertThat(steps.text(By.id("status-grade"))).isNotBlank();
        assertThat(steps.text(By.id("next-clock-task"))).isEqualTo(soonestDueTask());
        assertThat(steps.text(By.id("next-clock"))).containsPattern("in \\d+ min").containsPattern(FULL_DATE);

        steps.type("note", note);
        steps.click(By.id("add-information"));
        steps.waitForText(By.id("message"), "New information recorded");

        // The chronology: the newest first, each with its full date, the routine audit rows left out.
        List<Row> rows = chronology();
        assertThat(rows.get(0).text()).contains("New information").contains(note).contains("handler1 (call handler)");
        assertThat(rows.get(0).shown()).matches(FULL_DATE);
        assertNewestFirst(rows);
        String chronology = steps.text(By.id("timeline"));
        assertThat(chronology).contains("Call logged").doesNotContain("Task claimed").doesNotContain("Task created")
                .doesNotContain("System step");
        assertThat(steps.text(By.id("chronology-note"))).containsPattern("\\d+ routine audit rows .* are hidden");
        assertThat(steps.text(By.tagName("main"))).as("no code or null reaches the page").doesNotContainPattern(CODE)
                .doesNotContainPattern("\\bnull\\b");
        PageChecks.check(browser, "case-status-and-chronology");

        // The audit detail, on request and without JavaScript: a link, kept by the page's own refresh.
        steps.click(By.id("audit-toggle"));
        steps.waitForText(By.id("audit-toggle"), "Hide audit detail");
        assertThat(browser.getCurrentUrl()).contains("audit=true");
        assertThat(browser.findElement(By.id("live")).getAttribute("data-refresh-url")).contains("audit=true");
        List<Row> all = chronology();
        assertThat(all).hasSizeGreaterThan(rows.size());
        assertThat(steps.text(By.id("timeline"))).contains("Task claimed").contains("Task created").contains("handler2");
        assertThat(all.get(0).text()).as("still newest first").doesNotContain("Call logged");
        assertNewestFirst(all);
        assertThat(steps.text(By.tagName("main"))).doesNotContainPattern(CODE);
        PageChecks.assertAccessible(browser, "case with audit detail");
        steps.click(By.id("audit-toggle"));
        steps.waitForText(By.id("audit-toggle"), "Show audit detail");
        assertThat(chronology()).hasSize(rows.size());

        // On screen, no marking; printed, the marking top and bottom, who printed it and when, and no navigation.
        assertThat(browser.findElement(By.id("marking-top")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("printed")).isDisplayed()).isFalse();
        List<WebElement> demoBanner = browser.findElements(By.className("govuk-phase-banner"));
        demoBanner.forEach(banner -> assertThat(banner.isDisplayed()).as("the demo banner on screen").isTrue());
        emulateMedia("print");
        try {
            assertThat(browser.findElement(By.className("govuk-header")).isDisplayed()).as("navigation printed").isFalse();
            demoBanner.forEach(banner -> assertThat(banner.isDisplayed()).as("demo banner printed").isFalse());
            assertThat(browser.findElement(By.id("new-information")).isDisplayed()).as("the form printed").isFalse();
            assertThat(browser.findElement(By.id("audit-toggle")).isDisplayed()).isFalse();
            assertThat(steps.text(By.id("marking-top"))).isEqualTo("OFFICIAL-SENSITIVE");
            assertThat(steps.text(By.id("marking-bottom"))).isEqualTo("OFFICIAL-SENSITIVE");
            assertThat(steps.text(By.id("printed-by"))).isEqualTo("handler1");
            assertThat(steps.text(By.id("printed"))).startsWith("Printed by handler1 at").containsPattern(FULL_DATE);
            assertThat(browser.findElement(By.id("status-banner")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("timeline")).isDisplayed()).isTrue();
            PageChecks.screenshot(browser, "case-printed");
        } finally {
            emulateMedia("");
        }
    }

    /** A 999 call triaged by another handler to the crisis team, whose acceptance clock now runs. */
    private String referredToTheCrisisTeam(String reference) {
        String caseId = intake.log(new NewCall(reference, Source.PUBLIC_999, Category.CONCERN_FOR_WELFARE,
                "Sister worried: brother left the house upset after stopping his medication", null,
                new NewCall.Subject("Sam Webb", 34, List.of(Agency.MENTAL_HEALTH)), null, null), HANDLER2).call().id();
        WorkItem triage = WaitingTasks.of(tasks, caseId, HANDLER2);
        tasks.claim(triage.id(), HANDLER2);
        tasks.complete(triage.id(), HANDLER2, AssessThreshold.answers(false, false, false, false, false, false,
                "Known to the crisis team; no threat to life"));
        WaitingTasks.of(tasks, caseId, CRISIS_TEAM);
        return caseId;
    }

    /** The open task whose clock runs out first, from the page's own list of open tasks. */
    private String soonestDueTask() {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(driver -> soonestDueTaskNow());
    }

    private String soonestDueTaskNow() {
        return browser.findElements(By.xpath("//table[@id='open-tasks']//tr[td/span[@data-due]]")).stream()
                .min(Comparator.comparingLong(row -> Long.parseLong(
                        row.findElement(By.cssSelector("[data-due]")).getAttribute("data-due"))))
                .map(row -> row.findElements(By.tagName("td")).get(1).getText()).orElseThrow();
    }

    /** A chronology row as read: its text, the time shown and the time it stands for. */
    private record Row(String text, String shown, Instant at) {
    }

    /** The chronology's rows, read again in full when the page's refresh replaced them while reading. */
    private List<Row> chronology() {
        steps.waitFor(By.id("timeline"));
        return new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.cssSelector("#timeline tbody tr")).stream().map(row -> {
                    WebElement time = row.findElement(By.tagName("time"));
                    return new Row(row.getText(), time.getText(), Instant.parse(time.getAttribute("datetime")));
                }).toList());
    }

    private static void assertNewestFirst(List<Row> rows) {
        assertThat(rows.stream().map(Row::at).toList()).isSortedAccordingTo(Comparator.reverseOrder());
    }

    private void emulateMedia(String media) {
        ((ChromiumDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media));
    }
}
