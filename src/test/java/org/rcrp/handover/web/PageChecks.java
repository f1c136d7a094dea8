package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * What every page must pass in the browser tests: axe-core run inside the page finds no serious or
 * critical violation; the page fits the screen (no sideways scrolling) at control-room and tablet
 * sizes; and a screenshot of the main pages for the README ({@code docs/screenshots}).
 */
final class PageChecks {

    static final Dimension CONTROL_ROOM = new Dimension(1366, 768);
    static final Dimension TABLET = new Dimension(768, 1024);

    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "docs/screenshots"));

    private PageChecks() {
    }

    /** axe-core's WCAG 2.x A/AA and best-practice rules on the page as it is now. */
    static void assertAccessible(WebDriver browser, String page) {
        Results results = new AxeBuilder().analyze(browser);
        assertThat(results.isErrored()).as("axe-core ran on %s: %s", page, results.getErrorMessage()).isFalse();
        List<Rule> blocking = results.getViolations().stream().filter(rule -> BLOCKING.contains(rule.getImpact())).toList();
        assertThat(blocking).as("serious or critical accessibility violations on %s:%n%s", page, describe(blocking)).isEmpty();
    }

    /** The page is no wider than the window: nothing hides off to the side on this screen. */
    static void assertFits(WebDriver browser, String page) {
        long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);");
        assertThat(overflow).as("%s scrolls sideways at %s by %d px", page, browser.manage().window().getSize(), overflow)
                .isZero();
    }

    /** Accessible, fits, and photographed for the README. */
    static void check(WebDriver browser, String page) {
        assertAccessible(browser, page);
        assertFits(browser, page);
        screenshot(browser, page);
    }

    static void screenshot(WebDriver browser, String page) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot write the screenshot of " + page, failure);
        }
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
