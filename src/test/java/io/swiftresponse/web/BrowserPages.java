package io.swiftresponse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every browser test does with its page: log in and out, wait, read text, screenshot and axe-check. */
record BrowserPages(WebDriver driver, int port) {

    void login(String user) {
        driver.get(base() + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUpTo(20).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    void logout() {
        driver.findElement(By.cssSelector("header form button[type=submit]")).click();
        waitUpTo(10).until(ExpectedConditions.urlContains("/login"));
    }

    /** Screenshot under target/screenshots/ and no serious or critical axe-core violation. */
    void check(String page) {
        BrowserDriver.screenshot(driver, page);
        assertThat(BrowserDriver.seriousViolations(driver)).as("axe-core on " + page).isEmpty();
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /**
     * A wait that also retries when htmx replaced the element between finding it and reading it (an out-of-band swap
     * or a live refresh can land at any moment; CI saw a stale {@code #console-status} once).
     */
    WebDriverWait waitUpTo(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    String base() {
        return "http://localhost:" + port;
    }
}
