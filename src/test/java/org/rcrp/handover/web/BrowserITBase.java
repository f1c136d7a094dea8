package org.rcrp.handover.web;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.intake.CallIntake;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * What every browser test of the pages shares: the whole application on a random port on the IT PostgreSQL
 * database, the test class's own headless Debian chromium ({@link HeadlessChromium}) at a control-room screen
 * size, and {@link BrowserSteps} on the application. A test class adds its own settings with
 * {@code @TestPropertySource(properties = ...)}. One engine on rcrp_it at a time: a cached context's job executor
 * would run another test's jobs with its own clocks, so every context is closed after its class.
 * <p>
 * The browser is ready before each test; a class with one instance for all its tests
 * ({@code @TestInstance(PER_CLASS)}) that needs it in its {@code @BeforeAll} calls {@link #openTheApp()} there.
 * Either way it is set up once per test instance: a window size a test chose stays for that instance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestDatabase.DB_URL)
@ActiveProfiles("postgres")
@DirtiesContext
abstract class BrowserITBase {

    /** One test class runs at a time (one engine on rcrp_it); each gets its own browser, quit after it. */
    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;
    @Autowired
    CallIntake intake;
    @Autowired
    TaskFacade tasks;

    WebDriver browser;
    BrowserSteps steps;

    @BeforeEach
    final void browserReady() {
        openTheApp();
    }

    /** The class's browser at {@link PageChecks#CONTROL_ROOM}, with steps on the application; once per test instance. */
    final void openTheApp() {
        if (steps != null) {
            return;
        }
        browser = chromium.browser();
        browser.manage().window().setSize(PageChecks.CONTROL_ROOM);
        steps = new BrowserSteps(browser, "http://localhost:" + port);
    }

    /** A short random tag for references and names, so a test's cases are its own. */
    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
