package org.rcrp.handover.web;

import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Counts what a journey costs in the browser: page loads (each top-level document the browser makes, counted by a
 * script Chromium runs before any of the page's own, in sessionStorage) and the person's clicks (buttons, links, radios,
 * checkboxes: what the test clicks through {@link #click}).
 */
final class JourneyCounter {

    private static final String COUNT_LOADS = "if (window.top === window) {"
            + " sessionStorage.setItem('rcrpLoads', String(Number(sessionStorage.getItem('rcrpLoads') || '0') + 1)); }";

    private final WebDriver browser;
    private int clicksAtStart;
    private long loadsAtStart;
    private int clicks;

    JourneyCounter(WebDriver browser) {
        this.browser = browser;
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COUNT_LOADS));
    }

    void start() {
        loadsAtStart = loads();
        clicksAtStart = clicks;
    }

    void clicked() {
        clicks++;
    }

    long pageLoads() {
        return loads() - loadsAtStart;
    }

    int clicks() {
        return clicks - clicksAtStart;
    }

    private long loads() {
        Object count = ((JavascriptExecutor) browser).executeScript("return Number(sessionStorage.getItem('rcrpLoads') || '0');");
        return ((Number) count).longValue();
    }
}
