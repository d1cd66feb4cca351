package io.swiftresponse.open311;

import java.util.List;

/** A category offered as an Open311 service: its group is the level-1 category, keywords from the taxonomy. */
public record Open311Service(String code, String name, String description, String group, String keywords,
        List<Question> questions) {

    public boolean hasMetadata() {
        return !questions.isEmpty();
    }
}
