package io.swiftresponse.knowledge.internal;

import java.time.LocalDate;

/**
 * A search: the caller's words (may be blank: then everything in force, most used first), optional category
 * (any level: a prefix of the article's codes) and owning unit, the day that decides what is in force, and how many.
 */
public record SearchQuery(String text, String category, String unit, LocalDate today, int limit) {
}
