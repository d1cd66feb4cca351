package io.swiftresponse.web;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's headless Chromium through its chromedriver (no downloads at test time; the paths can be changed
 * with -Dswift.chromium and -Dswift.chromedriver), screenshots under target/screenshots/ and the axe-core
 * accessibility check from the axe-core webjar on the test classpath.
 */
final class BrowserDriver {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    static WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("swift.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1100",
                "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("swift.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(0)).pageLoadTimeout(Duration.ofSeconds(60))
                .scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }

    static void screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One axe violation: rule, impact and how many elements. */
    record Violation(String id, String impact, int nodes, String help, String target) {
    }

    /** Runs axe-core on the current page and returns its serious and critical violations. */
    @SuppressWarnings("unchecked")
    static List<Violation> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(JSON.stringify(r.violations.map(function (v) {"
                + "  return {id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, target: JSON.stringify(v.nodes[0].target)}; }))); })"
                + ".catch(function (e) { done('ERROR ' + e); });");
        String json = String.valueOf(result);
        if (json.startsWith("ERROR")) throw new IllegalStateException("axe failed: " + json);
        List<Map<String, Object>> all = JsonMapper.builder().build().readValue(json, List.class);
        List<Violation> serious = new ArrayList<>();
        for (Map<String, Object> v : all) {
            String impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(new Violation(String.valueOf(v.get("id")), impact, ((Number) v.get("nodes")).intValue(),
                        String.valueOf(v.get("help")), String.valueOf(v.get("target"))));
            }
        }
        return serious;
    }

    private static String axeSource() {
        try (InputStream in = BrowserDriver.class.getResourceAsStream(AXE)) {
            if (in == null) throw new IllegalStateException(AXE + " is not on the test classpath (webjar org.webjars.npm:axe-core)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private BrowserDriver() {
    }
}
