package io.swiftresponse.intake.repeat;

import io.swiftresponse.intake.IntakeSettings;
import java.util.List;
import org.springframework.stereotype.Service;

/** Repeat candidates (重复件) while recording, from the in-memory {@link RepeatIndex}. */
@Service
public class Repeats {

    public static final int DEFAULT_LIMIT = 5;

    private final RepeatIndex index;
    private volatile boolean loaded;

    Repeats(IntakeSettings settings) {
        this.index = new RepeatIndex(settings.repeatWindow(), settings.repeatRadiusMeters(), settings.minSimilarity());
    }

    public List<RepeatCandidate> find(RepeatQuery query, int limit) {
        return index.find(query, limit);
    }

    /** False while the window is still being loaded at start: the candidates may then be incomplete. */
    public boolean loaded() {
        return loaded;
    }

    public int size() {
        return index.size();
    }

    RepeatIndex index() {
        return index;
    }

    void markLoaded() {
        loaded = true;
    }
}
