package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.support.WaitingTasks;
import org.rcrp.handover.triage.AssessThreshold;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A manager in a real browser, on a day of five calls: four referred to the crisis team and not yet closed, one attended
 * by police. The headline says referred against attended and the police hours those referrals released, with which calls
 * count and the assumption in words; the partners' and s136 times stand beside their targets; the period's presets are
 * links; the partners' table is whole at 1366 px and the page usable at 768 px; police and referred are never red against
 * green; the CSV downloads; a bad period shows next to its field; axe-core passes. Somebody else is refused the page.
 */
class FiguresBrowserIT extends BrowserITBase {

    private static final String DAY = "2031-01-10";
    private static final Actor HANDLER2 = new Actor("handler2", Set.of("call-handlers"));

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void fourCallsReferredAndOneAttendedOnADayOfTheirOwn() {
        for (String table : List.of("rcrp_report_case", "rcrp_report_referral", "rcrp_report_escalation", "rcrp_report_handover")) {
            jdbc.update("DELETE FROM " + table + " WHERE logged_day = DATE '" + DAY + "'");
        }
        ClockUtil.setCurrentTime(Date.from(Instant.parse(DAY + "T10:00:00Z")));
        for (int i = 0; i < 4; i++) {
            triage(log(Category.CONCERN_FOR_WELFARE, "Sister worried: brother left upset after stopping his medication"),
                    AssessThreshold.answers(false, false, false, false, false, false, "Known to the crisis team; no threat to life"));
        }
        triage(log(Category.WALKOUT, "Patient walked out of the emergency department saying he will end his life"),
                AssessThreshold.answers(false, true, false, false, false, false, "Said he will end his life: risk to life"));
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void aManagerReadsTheFiguresForAPeriodAndDownloadsThem() {
        steps.signIn("manager1");
        steps.open("/figures");
        steps.waitFor(By.id("show-figures"));
        setDate("from", DAY);
        setDate("to", DAY);
        steps.click(By.id("show-figures"));

        steps.waitForText(By.id("period"), "10 January 2031 to Friday 10 January 2031");
        assertThat(browser.findElement(By.id("calls-total")).getText()).isEqualTo("5");
        assertThat(browser.findElement(By.id("categories")).getText()).contains("Concern for welfare 4", "Walked out of a health setting 1");
        assertThat(browser.findElement(By.id("routes")).getText()).contains("Refer to a partner 4", "Police attend 1");
        assertThat(browser.findElements(By.cssSelector("#agencies tbody tr"))).hasSizeGreaterThanOrEqualTo(4);
        JavascriptExecutor page = (JavascriptExecutor) browser;
        chartsDrawn();
        assertThat(page.executeScript("return Chart.getChart('chart-categories').data.datasets[0].data")).isEqualTo(List.of(4L, 1L, 0L, 0L, 0L, 0L));
        page.executeScript("document.getElementById('presets').scrollIntoView()");
        PageChecks.check(browser, "figures");

        String href = browser.findElement(By.id("csv")).getAttribute("href");
        assertThat(href).endsWith("/figures.csv?from=" + DAY + "&to=" + DAY);
        Object csv = page.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(response => response.text()).then(done, error => done('failed: ' + error));", href);
        assertThat((String) csv).startsWith("figure,key,agency,value").contains("calls.total,,,5", "calls.byCategory,WALKOUT,,1",
                "policeHoursReleased.hours,,,10.0", "policeHoursReleased.callsClosedWithoutPolice,,,0",
                "policeHoursReleased.callsCounted,,,4");
    }

    /** Issue 23: "Police hours released 0.0" with 4 of 5 calls referred, no referred headline, a configuration key. */
    @Test
    void theHeadlineIsReferredAgainstAttendedAndTheHoursReleasedSayWhichCallsCount() {
        steps.signIn("manager1");
        steps.open("/figures?from=" + DAY + "&to=" + DAY);
        steps.waitFor(By.id("headline"));

        assertThat(steps.text(By.id("headline-referred"))).contains("4", "80% of 5 calls");
        assertThat(steps.text(By.id("headline-attended"))).contains("1", "20% of 5 calls");
        assertThat(steps.text(By.id("hours-released"))).isEqualTo("10.0");
        assertThat(steps.text(By.id("hours-definition")))
                .contains("4 calls", "2.5 officer hours", "referred to a partner or given advice", "open or closed");
        String words = steps.text(By.tagName("main"));
        assertThat(words).doesNotContain("rcrp.", "officer-hours", "PT24H", "PT1H", "null");

        assertThat(steps.text(By.cssSelector("#agencies thead"))).contains("target 30 minutes");
        assertThat(steps.text(By.id("agencies"))).contains("target 4 hours");
        assertThat(steps.text(By.id("s136"))).contains("target 1 hour");
    }

    @Test
    void thePresetsAreLinksThatChangeThePeriod() {
        steps.signIn("manager1");
        steps.open("/figures?from=2030-12-01&to=2030-12-02");
        steps.waitFor(By.id("presets"));

        steps.click(By.linkText("Today"));
        steps.waitForText(By.id("period"), "Friday 10 January 2031 to Friday 10 January 2031");
        assertThat(browser.findElement(By.id("from")).getAttribute("value")).isEqualTo(DAY);
        assertThat(browser.findElement(By.linkText("Today")).getAttribute("aria-current")).isEqualTo("true");

        steps.click(By.linkText("Last 7 days"));
        steps.waitForText(By.id("period"), "Saturday 4 January 2031 to Friday 10 January 2031");
        assertThat(browser.findElement(By.id("from")).getAttribute("value")).isEqualTo("2031-01-04");

        steps.click(By.linkText("This month"));
        steps.waitForText(By.id("period"), "Wednesday 1 January 2031 to Friday 10 January 2031");
        assertThat(browser.findElement(By.id("to")).getAttribute("value")).isEqualTo(DAY);
        assertThat(browser.findElement(By.id("from")).getAttribute("type")).isEqualTo("date");
        assertThat(steps.text(By.cssSelector("label[for='from']"))).doesNotContainIgnoringCase("ISO");
    }

    /** Issue 23: the partner table was cut off at 1366 px. */
    @Test
    void thePartnersTableIsWholeAt1366AndThePageFitsATablet() {
        steps.signIn("manager1");
        steps.open("/figures?from=" + DAY + "&to=" + DAY);
        steps.waitFor(By.id("agencies"));
        JavascriptExecutor page = (JavascriptExecutor) browser;

        assertThat((Boolean) page.executeScript("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        for (String table : List.of("agencies", "rejections")) {
            Map<?, ?> fit = (Map<?, ?>) page.executeScript("const table = document.getElementById(arguments[0]);"
                    + "const box = table.parentElement;"
                    + "const last = table.querySelector('thead tr').lastElementChild.getBoundingClientRect();"
                    + "return {table: table.scrollWidth, box: box.clientWidth, right: Math.ceil(last.right), window: window.innerWidth};", table);
            assertThat(((Number) fit.get("table")).longValue()).as("%s is wider than its box at 1366: %s", table, fit)
                    .isLessThanOrEqualTo(((Number) fit.get("box")).longValue());
            assertThat(((Number) fit.get("right")).longValue()).as("%s's last column is off the screen: %s", table, fit)
                    .isLessThanOrEqualTo(((Number) fit.get("window")).longValue());
        }
        page.executeScript("document.getElementById('agencies').closest('.rcrp-table-scroll').scrollIntoView()");
        PageChecks.screenshot(browser, "figures-partners");

        browser.manage().window().setSize(PageChecks.TABLET);
        steps.open("/figures?from=" + DAY + "&to=" + DAY);
        steps.waitFor(By.id("agencies"));
        PageChecks.assertFits(browser, "figures on a tablet");
        PageChecks.assertAccessible(browser, "figures on a tablet");
        PageChecks.screenshot(browser, "figures-tablet");
    }

    /** Issue 23: police against referred in red against green. */
    @Test
    void policeAndReferredAreColourBlindSafeAndPatterned() {
        steps.signIn("manager1");
        steps.open("/figures?from=" + DAY + "&to=" + DAY);
        chartsDrawn();
        JavascriptExecutor page = (JavascriptExecutor) browser;

        String police = (String) page.executeScript("return Chart.getChart('chart-trend').data.datasets"
                + ".find(set => set.label === 'Police attended').borderColor");
        String referred = (String) page.executeScript("return Chart.getChart('chart-trend').data.datasets"
                + ".find(set => set.label === 'Referred').borderColor");
        assertColourBlindSafe(police, referred, "the trend chart");
        assertThat(page.executeScript("return Chart.getChart('chart-trend').data.datasets"
                + ".find(set => set.label === 'Referred').borderDash.length")).as("referred is dashed").isNotEqualTo(0L);

        String policeBar = (String) page.executeScript("return getComputedStyle(document.querySelector('#headline-attended .rcrp-series--police')).fill");
        String referredBar = (String) page.executeScript("return getComputedStyle(document.querySelector('#headline-referred .rcrp-series--referred')).fill");
        assertColourBlindSafe(policeBar, referredBar, "the headline bars");
        assertThat(browser.findElements(By.cssSelector("#headline-referred .rcrp-pattern"))).as("referred is hatched").isNotEmpty();
        assertThat(steps.text(By.id("headline-referred"))).as("labelled directly").contains("Referred to a partner");
        assertThat(steps.text(By.id("headline-attended"))).contains("Attended by police");
    }

    private static void assertColourBlindSafe(String police, String referred, String where) {
        float[] p = hsb(police);
        float[] r = hsb(referred);
        for (float[] colour : List.of(p, r)) {
            float hue = colour[0] * 360;
            boolean coloured = colour[1] > 0.25f;
            assertThat(coloured && (hue < 20 || hue > 340)).as("%s: %s / %s has a red series", where, police, referred).isFalse();
            assertThat(coloured && hue > 70 && hue < 170).as("%s: %s / %s has a green series", where, police, referred).isFalse();
        }
        float apart = Math.abs(p[0] - r[0]) * 360;
        assertThat(Math.min(apart, 360 - apart)).as("%s: police %s and referred %s are far apart in hue", where, police, referred)
                .isGreaterThan(90);
    }

    /** "#1d70b8" or "rgb(29, 112, 184)" as hue, saturation, brightness. */
    private static float[] hsb(String colour) {
        int[] rgb = new int[3];
        if (colour.startsWith("#")) {
            for (int i = 0; i < 3; i++) {
                rgb[i] = Integer.parseInt(colour.substring(1 + 2 * i, 3 + 2 * i), 16);
            }
        } else {
            String[] parts = colour.replaceAll("[^0-9,.]", "").split(",");
            for (int i = 0; i < 3; i++) {
                rgb[i] = Math.round(Float.parseFloat(parts[i]));
            }
        }
        return java.awt.Color.RGBtoHSB(rgb[0], rgb[1], rgb[2], null);
    }

    @Test
    void aBadPeriodShowsNextToItsField() {
        steps.signIn("manager1");
        steps.open("/figures?from=" + DAY + "&to=2031-01-09");
        steps.waitFor(By.id("error-summary"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("The start of the period must be on or before the end of the period");
        assertThat(browser.findElement(By.id("from")).getAttribute("value")).isEqualTo(DAY);
        assertThat(browser.findElements(By.id("calls-total"))).isEmpty();
        PageChecks.assertAccessible(browser, "figures with a bad period");
    }

    @Test
    void aCallHandlerIsRefusedTheFigures() {
        steps.signIn("handler1");
        assertThat(browser.findElements(By.linkText("Figures"))).isEmpty();
        steps.open("/figures");
        assertThat(browser.getPageSource()).doesNotContain("Figures for managers").contains("403");
    }

    private void chartsDrawn() {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                (Boolean) page.executeScript("return typeof Chart === 'function' && ['chart-trend', 'chart-categories',"
                        + " 'chart-routes', 'chart-breaches'].every(id => Chart.getChart(id) !== undefined)"));
    }

    /** Whatever the browser's date control looks like, the form sends the day as the page's own links do. */
    private void setDate(String field, String day) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];", field, day);
    }

    private String log(Category category, String summary) {
        return intake.log(new NewCall("CAD-FIG-" + UUID.randomUUID().toString().substring(0, 8), Source.PUBLIC_101, category,
                summary, null, new NewCall.Subject("Sam Webb " + UUID.randomUUID().toString().substring(0, 4), 34,
                List.of(Agency.MENTAL_HEALTH)), null, null), HANDLER2).call().id();
    }

    private void triage(String caseId, AssessThreshold answers) {
        WorkItem triage = WaitingTasks.of(tasks, caseId, HANDLER2);
        tasks.claim(triage.id(), HANDLER2);
        tasks.complete(triage.id(), HANDLER2, answers);
    }
}
