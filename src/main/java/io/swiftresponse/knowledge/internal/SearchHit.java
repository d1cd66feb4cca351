package io.swiftresponse.knowledge.internal;

import java.time.LocalDate;
import java.util.List;

/** One found article: the passage as safe HTML ({@code <mark>} around matched words), its score, and what it was filed under. */
public record SearchHit(long id, String title, String passageHtml, float score, String unitCode, List<String> categoryCodes,
        int usageCount, LocalDate effectiveFrom, LocalDate expiresOn) {
}
