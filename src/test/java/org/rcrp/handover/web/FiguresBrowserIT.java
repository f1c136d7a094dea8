package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A manager in a real browser: picks a period on the figures page, sees the figures in tables and the
 * charts drawn by Chart.js, downloads the CSV; a bad period shows next to its field; the page passes
 * axe-core and fits the control-room screen. Somebody else is refused the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {TestDatabase.DB_URL})
@ActiveProfiles("postgres")
@DirtiesContext
class FiguresBrowserIT {

    private static final String DAY = "2031-01-10";

    @RegisterExtension
    static HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private WebDriver browser;
    private BrowserSteps steps;

    @BeforeEach
    void twoCallsOnADayOfTheirOwn() {
        browser = chromium.browser();
        steps = new BrowserSteps(browser, "http://localhost:" + port);
        for (String table : List.of("rcrp_report_case", "rcrp_report_referral", "rcrp_report_escalation", "rcrp_report_handover")) {
            jdbc.update("DELETE FROM " + table + " WHERE logged_day = DATE '" + DAY + "'");
        }
        ClockUtil.setCurrentTime(Date.from(Instant.parse(DAY + "T10:00:00Z")));
        for (String category : List.of("CONCERN_FOR_WELFARE", "WALKOUT")) {
            assertThat(http.withBasicAuth("handler1", "handler1").postForEntity("/api/calls", Map.of(
                    "reference", "CAD-FIG-" + UUID.randomUUID().toString().substring(0, 8), "source", "PUBLIC_101",
                    "category", category, "summary", "Figures page call"), String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
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
        browser.findElement(By.id("from")).clear();
        browser.findElement(By.id("from")).sendKeys(DAY);
        browser.findElement(By.id("to")).clear();
        browser.findElement(By.id("to")).sendKeys(DAY);
        steps.click(By.id("show-figures"));

        steps.waitForText(By.id("period"), "From " + DAY + " to " + DAY);
        assertThat(browser.findElement(By.id("calls-total")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("hours-assumption")).getText()).contains("2.5 officer hours");
        assertThat(browser.findElement(By.id("categories")).getText()).contains("Concern for welfare 1", "Walked out of a health setting 1");
        assertThat(browser.findElement(By.id("routes")).getText()).contains("UNTRIAGED 2");
        assertThat(browser.findElements(By.cssSelector("#agencies tbody tr"))).hasSizeGreaterThanOrEqualTo(4);
        JavascriptExecutor page = (JavascriptExecutor) browser;
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                (Boolean) page.executeScript("return typeof Chart === 'function' && ['chart-trend', 'chart-categories',"
                        + " 'chart-routes', 'chart-breaches'].every(id => Chart.getChart(id) !== undefined)"));
        assertThat(page.executeScript("return Chart.getChart('chart-categories').data.datasets[0].data")).isEqualTo(List.of(1L, 1L, 0L, 0L, 0L, 0L));
        PageChecks.check(browser, "figures");

        String href = browser.findElement(By.id("csv")).getAttribute("href");
        assertThat(href).endsWith("/figures.csv?from=" + DAY + "&to=" + DAY);
        Object csv = page.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(response => response.text()).then(done, error => done('failed: ' + error));", href);
        assertThat((String) csv).startsWith("figure,key,agency,value").contains("calls.total,,,2", "calls.byCategory,WALKOUT,,1");
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
}
