package org.rcrp.handover.identity;

import org.rcrp.handover.support.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rcrp.handover.web.HeadlessChromium;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An administrator signs in through the real Keycloak login page (headless Debian chromium) and lands in the
 * Camunda Tasklist as that user; logging out ends the Keycloak session too. (Everybody else is refused the
 * webapps: {@link KeycloakWebappsIT}.) Port 8082 is one of the
 * redirect URIs the realm allows for rcrp-web.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        TestDatabase.DB_URL, "server.port=8082"})
@ActiveProfiles({"postgres", "keycloak"})
// One engine on rcrp_it at a time: a cached context's job executor would run this test's jobs with its own clocks.
@DirtiesContext
class KeycloakBrowserIT {

    private static final String APP = "http://localhost:8082";

    @RegisterExtension
    static HeadlessChromium chromium = new HeadlessChromium();

    private WebDriver browser;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("KEYCLOAK_ISSUER_URI", () -> KeycloakServer.shared().issuer());
    }

    @BeforeEach
    void useBrowser() {
        browser = chromium.browser();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private void signInAs(String user) {
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(KeycloakServer.shared().issuer() + "/protocol/openid-connect/auth");
        assertThat(browser.getCurrentUrl()).contains("code_challenge_method=S256");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("kc-login")).click();
    }

    @Test
    void anAdministratorSignsInThroughKeycloakLandsInTasklistAsThemselvesAndLogsOutOfBoth() {
        browser.get(APP + "/camunda/app/tasklist/default/");
        signInAs("admin1");
        waiting().until(ExpectedConditions.urlContains("localhost:8082/camunda/app/tasklist"));

        browser.get(APP + "/camunda/api/admin/auth/user/default");
        assertThat(browser.getPageSource()).contains("\"userId\":\"admin1\"").contains("tasklist");

        browser.get(APP + "/logout");
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[type=submit]"))).click();
        waiting().until(ExpectedConditions.urlContains("/realms/rcrp/protocol/openid-connect/auth"));

        browser.get(APP + "/camunda/app/tasklist/default/");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).as("the Keycloak session ended too: asked to sign in again")
                .startsWith(KeycloakServer.shared().issuer());
    }
}
