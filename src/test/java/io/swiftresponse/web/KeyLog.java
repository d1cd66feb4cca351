package io.swiftresponse.web;

import java.util.Map;
import java.util.TreeMap;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/**
 * Key presses sent to the focused element, counted by kind. Chinese characters are counted as characters: the
 * browser gets them whole (no IME in a test), and {@link Klm} turns them into pinyin keystrokes.
 */
final class KeyLog {

    private final Map<String, Integer> counts = new TreeMap<>();
    private int hanzi;
    private int ascii;

    /** Types text into the focused field, one character at a time as a person would. */
    void type(WebDriver driver, String text) {
        text.codePoints().forEach(cp -> {
            driver.switchTo().activeElement().sendKeys(new String(Character.toChars(cp)));
            if (cp < 128) {
                ascii++;
                add(Character.isDigit(cp) ? "digit" : "ascii");
            } else if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                hanzi++;
                add("hanzi");
            } else {
                add("punctuation (IME)"); // ，。 are one key each with a Chinese IME
            }
        });
    }

    void press(WebDriver driver, Keys key, String kind) {
        driver.switchTo().activeElement().sendKeys(key);
        add(kind);
    }

    /** A chord (Alt+2) is two key presses in the KLM: the modifier and the key. */
    void chord(WebDriver driver, Keys modifier, CharSequence key) {
        driver.switchTo().activeElement().sendKeys(Keys.chord(modifier, key));
        add("Alt+" + (key instanceof Keys k ? k.name() : key));
    }

    int count(String kind) {
        return counts.getOrDefault(kind, 0);
    }

    Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    int hanzi() {
        return hanzi;
    }

    int ascii() {
        return ascii;
    }

    /** Every press except Chinese characters; a chord counts twice. */
    int plainKeystrokes() {
        return counts.entrySet().stream().filter(e -> !e.getKey().equals("hanzi"))
                .mapToInt(e -> e.getKey().startsWith("Alt+") ? 2 * e.getValue() : e.getValue()).sum();
    }

    private void add(String kind) {
        counts.merge(kind, 1, Integer::sum);
    }
}
