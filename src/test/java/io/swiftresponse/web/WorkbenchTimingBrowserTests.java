package io.swiftresponse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "A trained agent records and dispatches a typical order in under 90 seconds", measured honestly: a dispatcher on
 * the workbench does it with the keyboard only (caller number, title, description, the suggested category taken with
 * Alt+↓ and Enter, the address that finds the street, "dispatch at once", Alt+S). The test counts every key press by
 * kind and measures the time the system itself took (page loads, suggestion and place round trips including their
 * debounce, the submit). A person's time is then estimated with the Keystroke-Level Model from those counts
 * (constants in {@link Klm}); the figures go to target/benchmarks/workbench-klm.txt and docs/benchmarks.md.
 */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbenchTimingBrowserTests {

    static final String PHONE = "13700008888";
    static final String TITLE = "小区门口路灯不亮";
    static final String DESCRIPTION = "东华门街道某小区东门口两盏路灯已经坏了一个多星期，晚上很黑，老人出行不安全，希望尽快修复。";
    static final String ADDRESS = "东城区东华门街道某小区东门";

    @LocalServerPort
    int port;

    WebDriver driver;
    BrowserPages pages;
    final KeyLog keys = new KeyLog();
    final Map<String, Long> systemMs = new LinkedHashMap<>();

    @BeforeAll
    void startBrowser() {
        driver = BrowserDriver.start();
        pages = new BrowserPages(driver, port);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @Test
    void aDispatcherRecordsAndDispatchesATypicalCallWithTheKeyboardOnly() throws IOException {
        pages.login("dispatcher1");
        timed("workbench page load", d -> {
            d.get(pages.base() + "/workbench");
            return true;
        });
        assertThat(focused()).isEqualTo("phone"); // autofocus: the call starts here
        keys.type(driver, PHONE);
        keys.chord(driver, Keys.ALT, "2"); // accesskey: the title
        assertThat(focused()).isEqualTo("title");
        keys.type(driver, TITLE);
        keys.press(driver, Keys.TAB, "Tab");
        assertThat(focused()).isEqualTo("description");
        keys.type(driver, DESCRIPTION);
        timed("suggestions (600 ms debounce + round trip)",
                d -> !d.findElements(By.cssSelector("#suggestions-body button.pick[data-code='080301']")).isEmpty());
        keys.chord(driver, Keys.ALT, Keys.ARROW_DOWN); // to the first suggestion
        while (!"080301".equals(driver.switchTo().activeElement().getDomAttribute("data-code"))) {
            keys.press(driver, Keys.ARROW_DOWN, "↓");
        }
        keys.press(driver, Keys.ENTER, "Enter");
        assertThat(driver.findElement(By.id("categoryCode")).getDomProperty("value")).isEqualTo("080301");
        assertThat(focused()).isEqualTo("address"); // taking a suggestion moves on to the address
        keys.type(driver, ADDRESS);
        timed("address → street (400 ms debounce + round trip)",
                d -> Orders.STREET.equals(d.findElement(By.id("streetCode")).getDomProperty("value")));
        timed("lead unit from the refreshed suggestion (600 ms debounce + round trip)",
                d -> Orders.STREET.equals(d.findElement(By.id("leadUnitCode")).getDomProperty("value")));
        while (!"mode".equals(driver.switchTo().activeElement().getDomAttribute("name"))) {
            keys.press(driver, Keys.TAB, "Tab");
            assertThat(keys.count("Tab")).as("Tabs to the follow-up choice").isLessThan(30);
        }
        while (!"dispatch".equals(driver.switchTo().activeElement().getDomAttribute("value"))) {
            keys.press(driver, Keys.ARROW_DOWN, "↓");
        }
        assertThat(driver.findElement(By.cssSelector("input[name=mode][value=dispatch]")).isSelected()).isTrue();
        keys.chord(driver, Keys.ALT, "s"); // accesskey: record
        timed("record and dispatch (submit + order page load)", d -> d.getCurrentUrl().matches(".*/orders/\\d+$"));
        assertThat(pages.text("main")).contains("已派单").contains(TITLE).contains("东华门街道");
        pages.check("workbench-dispatched-order");
        report();
    }

    private void timed(String step, Function<WebDriver, Boolean> done) {
        long start = System.nanoTime();
        new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(20))
                .ignoring(StaleElementReferenceException.class)
                .until(done::apply);
        systemMs.merge(step, (System.nanoTime() - start) / 1_000_000, Long::sum);
    }

    private String focused() {
        WebElement e = driver.switchTo().activeElement();
        return e.getDomAttribute("id");
    }

    private void report() throws IOException {
        long system = systemMs.values().stream().mapToLong(Long::longValue).sum();
        Klm.Estimate low = Klm.estimate(keys, Klm.PINYIN_LOW, Klm.K_GOOD);
        Klm.Estimate mid = Klm.estimate(keys, Klm.PINYIN_MID, Klm.K_SKILLED);
        Klm.Estimate high = Klm.estimate(keys, Klm.PINYIN_HIGH, Klm.K_AVERAGE);
        StringBuilder out = new StringBuilder("Workbench: record and dispatch a typical order, keyboard only\n");
        out.append("key presses: ").append(keys.counts()).append('\n');
        out.append(String.format(Locale.ROOT, "characters typed: %d Chinese, %d ASCII (digits, letters, spaces)%n",
                keys.hanzi(), keys.ascii()));
        systemMs.forEach((k, v) -> out.append(String.format(Locale.ROOT, "system: %-60s %6d ms%n", k, v)));
        out.append(String.format(Locale.ROOT, "system total: %.1f s%n", system / 1000.0));
        for (Klm.Estimate e : new Klm.Estimate[] {low, mid, high}) {
            out.append(String.format(Locale.ROOT, "KLM %-52s K=%.2f s x %d keystrokes = %.1f s, M=1.35 s x %d = %.1f s;"
                    + " with system %.1f s: %.1f s%n", e.label(), e.k(), e.keystrokes(), e.typingSeconds(), e.mentalSteps(),
                    e.mentalSeconds(), system / 1000.0, e.totalSeconds() + system / 1000.0));
        }
        Path file = Path.of("target", "benchmarks", "workbench-klm.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
        System.out.println(out);
        assertThat(keys.count("mouse")).isZero();
    }
}
