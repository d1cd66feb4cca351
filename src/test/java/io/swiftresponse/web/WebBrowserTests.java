package io.swiftresponse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main path through the web application in headless Chromium: an agent records an order and a dispatcher
 * dispatches it; the street's handler signs and replies with a photo; the reply is approved and the callback
 * closes the order; a citizen submits and tracks a request; the supervisor sees the day's intake on the
 * dashboard. Every main page is screenshotted (target/screenshots/) and checked with axe-core: no serious or
 * critical violations. Run with {@code mvn test -Dtest=WebBrowserTests -DexcludedGroups= -Dgroups=browser}.
 */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebBrowserTests {

    /** A 1×1 PNG, for the reply's photo. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;

    WebDriver driver;

    @BeforeAll
    void startBrowser() {
        driver = BrowserDriver.start();
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @Test
    void anOrderGoesFromTheCallToItsCallbackAndACitizenFollowsTheirOwn() throws Exception {
        // 1. the agent records the call on the workbench and sends it to dispatch
        login("agent1");
        assertThat(driver.getCurrentUrl()).endsWith("/workbench");
        driver.findElement(By.id("phone")).sendKeys("13700007777");
        driver.findElement(By.id("name")).sendKeys("李四");
        driver.findElement(By.id("title")).sendKeys("小区锅炉房不供暖 <b>急</b>");
        driver.findElement(By.id("description")).sendKeys("三号楼暖气一直不热，已持续两天。");
        // intake suggests the category as the agent types; the agent takes it with the keyboard (Alt+↓, ↓…, Enter)
        wait(20).until(d -> !d.findElements(By.cssSelector("#suggestions-body button.pick[data-code='010502']")).isEmpty());
        assertThat(text("#suggestions-body")).contains("锅炉房").contains("%");
        driver.findElement(By.id("description")).sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.ALT, org.openqa.selenium.Keys.ARROW_DOWN));
        for (int i = 0; i < 3 && !"010502".equals(driver.switchTo().activeElement().getDomAttribute("data-code")); i++) {
            driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        }
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(driver.findElement(By.id("categoryCode")).getDomProperty("value")).isEqualTo("010502");
        assertThat(text("#category-chosen")).contains("小区锅炉房供暖");
        assertThat(driver.findElement(By.id("suggestionId")).getDomProperty("value")).hasSize(36);
        wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("deadline-preview"), "7"));
        driver.findElement(By.id("address")).sendKeys("东城区东华门街道某小区 3 号楼");
        wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("place-status"), "东华门街道"));
        // the pin: the centre of the map lies in one of the city's streets
        wait(20).until(d -> !d.findElements(By.cssSelector("#map path.leaflet-interactive")).isEmpty());
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(driver.findElement(By.id("map")), 23, 17).click().perform();
        wait(10).until(d -> !d.findElement(By.id("streetCode")).getDomProperty("value").isEmpty());
        check("workbench");
        driver.findElement(By.id("record")).click();
        wait(20).until(ExpectedConditions.urlMatches(".*/orders/\\d+$"));
        String orderUrl = driver.getCurrentUrl();
        // the order page reports the agent's choice for the suggestion to intake (acceptance is measured)
        wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#after-record .feedback-done")));
        assertThat(text("main")).contains("待派单").contains("小区锅炉房不供暖 <b>急</b>");
        check("order-agent");
        logout();

        // 2. the dispatcher sees it in the console and dispatches it to the street
        login("dispatcher1");
        assertThat(text("main")).contains("小区锅炉房不供暖");
        check("dispatch-console");
        driver.get(orderUrl);
        openAction("dispatch");
        new Select(driver.findElement(By.id("dispatch-leadUnitCode"))).selectByValue(Orders.STREET);
        submitAction("dispatch");
        assertThat(text("main")).contains("已派单");
        logout();

        // 3. the street's handler signs, contacts and replies with a photo
        login(Orders.handler(Orders.STREET));
        assertThat(driver.getCurrentUrl()).endsWith("/inbox");
        assertThat(text("main")).contains("小区锅炉房不供暖");
        check("unit-inbox");
        driver.get(orderUrl);
        submitAction("sign");
        assertThat(text("main")).contains("已签收");
        openAction("contact");
        driver.findElement(By.id("contact-note")).sendKeys("已电话联系诉求人");
        submitAction("contact");
        openAction("reply");
        driver.findElement(By.id("reply-text")).sendKeys("已维修锅炉，供暖恢复。");
        Path photo = Files.createTempFile("boiler", ".png");
        Files.write(photo, PNG);
        driver.findElement(By.id("reply-files")).sendKeys(photo.toAbsolutePath().toString());
        submitAction("reply");
        assertThat(text("main")).contains("已反馈").contains(photo.getFileName().toString());
        check("order-handler");
        logout();

        // 4. the dispatcher approves the reply; the agent's callback reaches a satisfied requester and closes it
        login("dispatcher1");
        driver.get(orderUrl);
        submitAction("approve-reply");
        assertThat(text("main")).contains("待回访");
        logout();
        login("agent1");
        driver.get(orderUrl);
        openAction("record-callback");
        driver.findElement(By.cssSelector("#act-record-callback input[name=reached][value=true]")).click();
        driver.findElement(By.cssSelector("#act-record-callback input[name=contacted][value=true]")).click();
        new Select(driver.findElement(By.id("record-callback-callback-solved"))).selectByValue("YES");
        new Select(driver.findElement(By.id("record-callback-callback-sat"))).selectByValue("SATISFIED");
        submitAction("record-callback");
        submitAction("close");
        assertThat(text("main")).contains("已办结").contains("满意");
        logout();

        // 5. a citizen submits on the portal and tracks with the number and the phone's last four digits
        driver.get(base() + "/portal");
        driver.findElement(By.id("title")).sendKeys("路灯不亮");
        driver.findElement(By.id("description")).sendKeys("小区门口路灯坏了一周。");
        driver.findElement(By.id("address")).sendKeys("东城区某路 12 号");
        driver.findElement(By.id("phone")).sendKeys("13600002468");
        driver.findElement(By.name("consent")).click();
        check("portal");
        driver.findElement(By.cssSelector("#request-form button[type=submit]")).click();
        String number = wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("order-number"))).getText();
        assertThat(number).matches("\\d+");
        driver.get(base() + "/portal/track");
        driver.findElement(By.id("number")).sendKeys(number);
        driver.findElement(By.id("phone4")).sendKeys("2468");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("tracked-state"))).getText()).isEqualTo("已受理");
        assertThat(text("main")).doesNotContain("13600002468");
        check("portal-track");

        // 6. the supervisor's dashboard counts today's orders and draws the street map
        login("supervisor1");
        assertThat(driver.getCurrentUrl()).endsWith("/dashboard");
        wait(30).until(d -> "true".equals(d.findElement(By.id("charts")).getDomAttribute("data-ready")));
        assertThat(Integer.parseInt(driver.findElement(By.id("kpi-today")).getText())).isGreaterThanOrEqualTo(2);
        // the agent's feedback from step 1 is counted on the suggestion-acceptance card (chart and table)
        wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestion-accuracy #acc-categories tbody tr")));
        assertThat(text("#acc-summary")).contains("话务员反馈");
        assertThat(driver.findElements(By.cssSelector("#chart-accuracy canvas"))).isNotEmpty();
        check("dashboard");
        logout();
    }

    private void login(String user) {
        pages().login(user);
    }

    private void logout() {
        pages().logout();
    }

    private void openAction(String slug) {
        WebElement details = driver.findElement(By.id("act-" + slug));
        if (details.getDomAttribute("open") == null) details.findElement(By.tagName("summary")).click();
    }

    private void submitAction(String slug) {
        openAction(slug);
        String before = driver.getCurrentUrl();
        driver.findElement(By.cssSelector("#act-" + slug + " button[type=submit]")).click();
        wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash.ok, .flash.error:not([hidden])")));
        assertThat(driver.findElements(By.cssSelector(".flash.error:not([hidden])"))).as("error after " + slug + " on " + before).isEmpty();
    }

    private void check(String page) {
        pages().check(page);
    }

    private String text(String css) {
        return pages().text(css);
    }

    private WebDriverWait wait(int seconds) {
        return pages().waitUpTo(seconds);
    }

    private String base() {
        return pages().base();
    }

    private BrowserPages pages() {
        return new BrowserPages(driver, port);
    }
}
