package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rcrp.handover.web.BrowserSteps.inRow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Conveyance;
import org.rcrp.handover.process.PlaceOfSafety;
import org.rcrp.handover.process.S136Details;
import org.rcrp.handover.process.Source;

/**
 * The hospital's side of an s136 handover in a real browser on PostgreSQL: the liaison nurse opens the handover of a
 * person who arrived ten minutes ago, agrees with a named police officer a later time with a reason (refused first
 * without the time), and the case page shows the new deadline. Every page passes axe-core and fits the screen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S136JourneyBrowserIT extends BrowserITBase {

    private static final Actor HANDLER2 = new Actor("handler2", Set.of("call-handlers"));
    private static final ZoneId FORCE = ZoneId.of("Europe/London");
    private static final Duration REFRESH = Duration.ofSeconds(30);

    private final String reference = "CAD-136-" + UUID.randomUUID().toString().substring(0, 8);
    private String caseId;

    @BeforeAll
    void aPersonDetainedUnderS136ArrivedTenMinutesAgo() {
        openTheApp();
        Instant arrived = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        caseId = intake.log(new NewCall(reference, Source.PUBLIC_999, Category.S136_HANDOVER, "Detained under s136 at the station",
                null, new NewCall.Subject("Robin Vale", 29, List.of()), null, null, null,
                new S136Details(arrived.minus(Duration.ofMinutes(35)).atOffset(ZoneOffset.UTC), arrived.atOffset(ZoneOffset.UTC),
                        Conveyance.AMBULANCE, null, PlaceOfSafety.HEALTH_BASED)), HANDLER2).call().id();
    }

    @Test
    void theHospitalLiaisonAgreesADelayWithPoliceAndTheCaseShowsTheNewDeadline() {
        browser.manage().window().setSize(PageChecks.CONTROL_ROOM);
        steps.signIn("hospital1");
        steps.waitForText(By.id("queues"), reference, REFRESH);
        steps.click(inRow("available", reference, "button[@data-claim-and-open]")); // claim and open: straight to the task
        steps.waitFor(By.id("complete"));
        assertThat(steps.text(By.id("s136-arrived"))).doesNotContain("Not yet recorded");
        PageChecks.check(browser, "s136-accept-handover");

        // A delay without the agreed time is refused, the answers kept and the problem next to its input
        steps.choose("decision-AGREE_DELAY");
        steps.type("agreedWithPolice", "PS 4521 Khan");
        steps.type("note", "Suite being cleaned after the last patient");
        steps.click(By.id("complete"));
        steps.waitForText(By.tagName("main"), "Enter the agreed handover time");
        assertThat(browser.findElement(By.id("decision-AGREE_DELAY")).isSelected()).isTrue();
        PageChecks.assertAccessible(browser, "s136-accept-handover-errors");

        LocalDateTime until = LocalDateTime.now(FORCE).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("until")), until.toString());
        steps.click(By.id("complete"));
        steps.waitForText(By.tagName("main"), "Done: " + reference);

        steps.open("/cases/" + caseId);
        String due = new DueClock().time(until.atZone(FORCE).toInstant());
        steps.waitForText(By.id("s136-handover-due"), due);
        assertThat(steps.text(By.id("s136-handover-due"))).contains("delay agreed by hospital1 with PS 4521 Khan");
        assertThat(steps.text(By.id("timeline"))).contains("Suite being cleaned after the last patient");
        PageChecks.check(browser, "s136-case-delay-agreed");

        // The handover is open again, due at the agreed time
        steps.open("/work");
        steps.waitForText(By.id("queues"), reference, REFRESH);
    }
}
