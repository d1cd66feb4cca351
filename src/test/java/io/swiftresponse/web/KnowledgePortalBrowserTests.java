package io.swiftresponse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public knowledge pages without a login: search, open an article; screenshots and axe-core checks. */
@IntegrationTest
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgePortalBrowserTests {

    @LocalServerPort
    int port;

    WebDriver driver;
    BrowserPages pages;

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
    void aCitizenSearchesAndReadsAnArticleWithoutLoggingIn() {
        driver.get(pages.base() + "/portal/knowledge");
        assertThat(driver.getCurrentUrl()).doesNotContain("/login");
        pages.check("knowledge-portal");
        driver.findElement(By.name("q")).sendKeys("暖气不热", Keys.ENTER);
        pages.waitUpTo(15).until(ExpectedConditions.urlContains("q="));
        assertThat(driver.findElements(By.cssSelector("ol.hits li a"))).isNotEmpty();
        assertThat(pages.text("ol.hits")).contains("暖气不热");
        pages.check("knowledge-search");
        String title = driver.findElement(By.cssSelector("ol.hits li a")).getText();
        driver.findElement(By.cssSelector("ol.hits li a")).click();
        pages.waitUpTo(15).until(ExpectedConditions.urlMatches(".*/portal/knowledge/\\d+.*"));
        assertThat(pages.text("h1")).isEqualTo(title);
        pages.check("knowledge-article");
        // HTML in the query comes back as text
        driver.get(pages.base() + "/portal/knowledge?q=%3Cb%3E%E4%BE%9B%E6%9A%96%3C%2Fb%3E");
        assertThat(driver.findElements(By.cssSelector("main b, body > b"))).isEmpty();
        assertThat(driver.findElement(By.name("q")).getDomProperty("value")).isEqualTo("<b>供暖</b>");
    }
}
