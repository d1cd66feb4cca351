package io.swiftresponse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The live parts in headless Chromium: an order dispatched through the API appears in the open unit inbox without a
 * reload (server-sent events); the dispatch console decides inline, with the keyboard, and shows a refusal in its row.
 * Screenshots and axe-core checks of the changed pages.
 */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveConsoleBrowserTests {

    @LocalServerPort
    int port;

    WebDriver driver;
    BrowserPages pages;
    Orders orders;

    @BeforeAll
    void startBrowser() {
        driver = BrowserDriver.start();
        pages = new BrowserPages(driver, port);
        orders = new Orders(new Api(port));
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @Test
    void anOrderDispatchedThroughTheApiAppearsInTheOpenInboxWithoutReload() {
        pages.login(Orders.handler("D01"));
        pages.waitUpTo(10).until(d -> d.findElement(By.id("live-status")).isDisplayed());
        js("window.notReloaded = true;");
        long id = orders.inState("AWAITING_DISPATCH");
        // D01 is a co-unit here: the event reaches co-units too
        orders.must("dispatcher1", id, "dispatch", Map.of("leadUnitCode", Orders.STREET, "coUnitCodes", java.util.List.of("D01")));
        pages.waitUpTo(15).until(d -> !d.findElements(By.cssSelector("tr[data-order='" + id + "']")).isEmpty());
        assertThat(js("return window.notReloaded === true;")).isEqualTo(true);
        pages.check("unit-inbox-live");
        pages.logout();
    }

    @Test
    void theConsoleDispatchesInlineWithTheKeyboardAndShowsARefusalInItsRow() {
        long toDispatch = orders.inState("AWAITING_DISPATCH");
        long returned = orders.inState("RETURN_REQUESTED");
        pages.login("dispatcher1");
        assertThat(driver.getCurrentUrl()).endsWith("/dispatch");
        WebElement lead = driver.findElement(By.id("lead-" + toDispatch));
        assertThat(lead.getDomProperty("value")).isEqualTo("北京市热力集团 (C04)");
        pages.check("dispatch-console-inline");
        // keyboard: into the lead field, a street instead of the suggestion, Tab to co-units, Enter dispatches
        js("document.getElementById('lead-" + toDispatch + "').focus();");
        WebElement field = driver.switchTo().activeElement();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "东华门街道 (" + Orders.STREET + ")");
        assertThat(pages.text("#copy-" + toDispatch)).contains("东城区");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        driver.switchTo().activeElement().sendKeys("D01", Keys.ENTER);
        pages.waitUpTo(15).until(d -> d.findElement(By.id("console-status")).getText().contains("已派往"));
        assertThat(pages.text("#console-status")).contains("东华门街道 (110101001)").contains("北京市教育委员会").contains("抄送：东城区");
        pages.waitUpTo(15).until(d -> d.findElements(By.id("lead-" + toDispatch)).isEmpty());
        // the live refresh (the console's own event) then redraws the lists without the dispatched order
        pages.waitUpTo(15).until(d -> d.findElements(By.cssSelector("tr.done")).isEmpty());
        // a rejection without a reason: the row says why, in Chinese, and keeps its form
        WebElement reject = driver.findElement(By.cssSelector("#row-" + returned + " button[value=reject]"));
        js("arguments[0].focus();", reject);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        pages.waitUpTo(15).until(d -> !d.findElements(By.cssSelector("#row-" + returned + " [role=alert]")).isEmpty());
        assertThat(pages.text("#row-" + returned + " [role=alert]")).contains("驳回退单须填写审核意见");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("err-" + returned);
        pages.check("dispatch-console-refused");
        assertThat(new Api(port).get("dispatcher1", "/api/v1/orders/" + returned).json().get("state").asString())
                .isEqualTo("RETURN_REQUESTED");
        pages.logout();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
