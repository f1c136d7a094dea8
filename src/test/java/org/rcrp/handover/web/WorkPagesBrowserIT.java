package org.rcrp.handover.web;

import org.rcrp.handover.support.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A call handler in a real browser (zero-setup demo sign-in, PostgreSQL behind): signs in, finds the
 * new call's triage in "Available to your groups", claims it, sees it move to "Held by you", opens the case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestDatabase.DB_URL})
@ActiveProfiles("postgres")
// One engine on rcrp_it at a time: a cached context's job executor would run this test's jobs with its own clocks.
@DirtiesContext
class WorkPagesBrowserIT {

    @RegisterExtension
    static HeadlessChromium chromium = new HeadlessChromium();

    private WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void useBrowser() {
        browser = chromium.browser();
    }

    private String app() {
        return "http://localhost:" + port;
    }

    @Test
    void aCallHandlerClaimsTheNewCallsTriageAndOpensTheCase() {
        String reference = "CAD-UI-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.withBasicAuth("handler2", "handler2").postForEntity("/api/calls", Map.of("reference", reference,
                "source", "PUBLIC_999", "category", "CONCERN_FOR_WELFARE", "summary", "Neighbour not seen for two days"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        browser.get(app() + "/work");
        WebDriverWait waiting = new WebDriverWait(browser, Duration.ofSeconds(20));
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("handler1");
        assertThat(browser.getPageSource()).contains("Demo sign-in").contains("demo users only");
        browser.findElement(By.id("password")).sendKeys("handler1");
        browser.findElement(By.id("sign-in")).click();

        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("groups")));
        assertThat(browser.findElement(By.id("groups")).getText()).isEqualTo("Groups: call-handlers");
        WebElement row = browser.findElement(By.xpath("//table[@id='available']//tr[td/a[text()='" + reference + "']]"));
        assertThat(row.getText()).contains("Assess threshold").contains("CONCERN_FOR_WELFARE").containsPattern("in \\d+ min");
        row.findElement(By.tagName("button")).click();

        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Claimed"));
        assertThat(browser.findElement(By.id("mine")).getText()).contains(reference);
        browser.findElement(By.xpath("//table[@id='mine']//a[text()='" + reference + "']")).click();

        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("state")));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("TRIAGE");
        assertThat(browser.findElement(By.id("responsible")).getText()).isEqualTo("POLICE");
        assertThat(browser.findElement(By.xpath("//table[@id='open-tasks']//tr[td[text()='Assess threshold']]")).getText())
                .as("the case shows who holds its triage").contains("handler1");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("CALL_LOGGED").contains("TASK_CLAIMED");

        // Triage: nothing typed is lost on an error; the recommendation shows before confirming.
        browser.get(app() + "/work");
        browser.findElement(By.xpath("//table[@id='mine']//tr[td/a[text()='" + reference + "']]//a[text()='Assess']")).click();
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("rationale")));
        for (String question : new String[] {"riskToLife", "seriousHarm", "childAtRisk", "crime", "missingPerson"}) {
            browser.findElement(By.id(question + "-no")).click();
        }
        browser.findElement(By.id("rationale")).sendKeys("Neighbour's concern only; no threat, not missing");
        browser.findElement(By.id("confirm")).click();
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("medicalEmergency is required");
        assertThat(browser.findElement(By.id("rationale")).getText()).isEqualTo("Neighbour's concern only; no threat, not missing");
        assertThat(browser.findElement(By.id("crime-no")).isSelected()).isTrue();

        browser.findElement(By.id("medicalEmergency-no")).click();
        browser.findElement(By.id("check")).click();
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("recommendation")));
        assertThat(browser.findElement(By.id("recommendation")).getText()).contains("Recommended: ADVICE_AND_CLOSE")
                .contains("advise the caller");
        browser.findElement(By.id("confirm")).click();

        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Triage recorded for " + reference));
        assertThat(browser.findElement(By.id("available")).getText()).contains(reference).contains("Inform caller");

        // Inform the caller: a caller not reached needs a note; then the advice-only case closes.
        browser.findElement(By.xpath("//table[@id='available']//tr[td/a[text()='" + reference + "']]//button")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Claimed"));
        browser.findElement(By.xpath("//table[@id='mine']//tr[td/a[text()='" + reference + "']]//a[text()='Work on it']")).click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("method-NOT_REACHABLE"))).click();
        browser.findElement(By.id("complete")).click();
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("note is required");
        assertThat(browser.findElement(By.id("method-NOT_REACHABLE")).isSelected()).isTrue();
        browser.findElement(By.id("method-PHONE")).click();
        browser.findElement(By.id("note")).sendKeys("Advised NHS 111 option 2; call back if worse");
        browser.findElement(By.id("complete")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Done: " + reference));

        browser.get(app() + "/work");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(reference);
    }
}
