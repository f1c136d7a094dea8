package org.rcrp.handover.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromedriver (installed by .ci/run), headless, at a control-room screen size.
 * Never a browser a test tool downloads: that fails on these machines.
 */
public final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback {

    private WebDriver browser;

    /**
     * The browser of the test class ({@code @RegisterExtension static HeadlessChromium chromium = new HeadlessChromium();},
     * as {@link BrowserITBase} has it for the pages' browser tests).
     */
    public WebDriver browser() {
        return browser;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.quit();
        }
    }

    private static WebDriver start() {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-quic", "--window-size=1366,768",
                    "--user-data-dir=" + Files.createTempDirectory("rcrp-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                    .usingAnyFreePort().build();
            return new ChromeDriver(service, options);
        } catch (IOException failure) {
            throw new IllegalStateException("Cannot start chromium", failure);
        }
    }
}
