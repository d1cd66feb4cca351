package io.swiftresponse.intake.suggest;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.GeoPoint;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.intake.IntakeSettings;
import io.swiftresponse.intake.classifier.Explanations;
import io.swiftresponse.intake.classifier.Prediction;
import io.swiftresponse.intake.learning.SuggestionLog;
import io.swiftresponse.intake.place.Place;
import io.swiftresponse.intake.place.Places;
import io.swiftresponse.intake.repeat.RepeatQuery;
import io.swiftresponse.intake.repeat.Repeats;
import io.swiftresponse.taxonomy.Category;
import io.swiftresponse.taxonomy.Taxonomy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Suggestions while recording: top-3 categories, their units at the place, and repeat candidates. */
@Service
public class Suggestions {

    static final int TOP = 3;

    private final CategoryModels models;
    private final Taxonomy taxonomy;
    private final Places places;
    private final Repeats repeats;
    private final SuggestionLog log;
    private final IntakeSettings settings;
    private final Clock clock;
    private final UnitRules units;

    Suggestions(CategoryModels models, Taxonomy taxonomy, Directory directory, Places places, Repeats repeats, SuggestionLog log,
            IntakeSettings settings, Clock clock) {
        this.models = models;
        this.taxonomy = taxonomy;
        this.places = places;
        this.repeats = repeats;
        this.log = log;
        this.settings = settings;
        this.clock = clock;
        this.units = new UnitRules(directory);
    }

    public Suggestion suggest(SuggestionRequest request, CurrentUser actor) {
        String text = request.text();
        String unsureReason = TextCheck.check(text, settings.maxTextChars());
        Place place = place(request.location());
        CategoryModel state = models.current();
        KeywordMatcher keywords = new KeywordMatcher(taxonomy.categories());
        List<Suggestion.CategorySuggestion> ranked = state.model() != null ? byModel(state, text, place, keywords)
                : byKeywords(text, place, keywords);
        double top = ranked.isEmpty() ? 0 : ranked.get(0).confidence();
        if (unsureReason == null && ranked.isEmpty()) {
            unsureReason = "No catalogue keyword was found and no model is trained yet; choose the category by hand.";
        } else if (unsureReason == null && state.model() == null) {
            // keyword shares are not probabilities: without a model every answer is only a hint
            unsureReason = "No category model is loaded yet; ranked by catalogue keywords only.";
        } else if (unsureReason == null && top < settings.minConfidence()) {
            unsureReason = String.format(java.util.Locale.ROOT, "The best category has a confidence of %.2f, below %.2f.",
                    top, settings.minConfidence());
        }
        Instant now = clock.instant();
        double lat = place != null && request.location().lat() != null ? request.location().lat() : Double.NaN;
        double lng = place != null && request.location().lng() != null ? request.location().lng() : Double.NaN;
        var candidates = repeats.find(new RepeatQuery(text, request.phone(), place != null && place.resolved() ? place.streetCode() : null,
                lat, lng, null, now), Repeats.DEFAULT_LIMIT);
        UUID id = UUID.randomUUID();
        String unit = ranked.isEmpty() ? null : ranked.get(0).unit().code();
        log.insert(id, now, actor.username(), text, state.version(), unsureReason != null,
                ranked.stream().map(c -> new SuggestionLog.Ranked(c.code(), c.confidence())).toList(), unit,
                place != null ? place.streetCode() : null);
        return new Suggestion(id.toString(), unsureReason != null, unsureReason,
                new Suggestion.ModelState(state.status().name(), state.version(), state.model() != null ? "model" : "keywords"),
                place, ranked, new Suggestion.RepeatList(repeats.loaded(), candidates));
    }

    private Place place(SuggestionRequest.Location location) {
        if (location == null) return null;
        if (location.lat() != null && location.lng() != null) return places.byPoint(new GeoPoint(location.lat(), location.lng()));
        if (location.address() != null && !location.address().isBlank()) return places.byAddress(location.address());
        return null;
    }

    private List<Suggestion.CategorySuggestion> byModel(CategoryModel state, String text, Place place, KeywordMatcher keywords) {
        List<Suggestion.CategorySuggestion> out = new ArrayList<>();
        for (Prediction p : state.model().topK(text, TOP)) {
            taxonomy.category(p.label()).ifPresent(c -> {
                List<String> found = keywords.keywordsOf(c.code(), text);
                out.add(suggestion(c, round(p.confidence()), Explanations.drivingWords(state.model(), text, c.code(), 5, found),
                        found, place));
            });
        }
        return out;
    }

    private List<Suggestion.CategorySuggestion> byKeywords(String text, Place place, KeywordMatcher keywords) {
        List<KeywordMatcher.Hit> hits = keywords.hits(text);
        double total = hits.stream().limit(TOP).mapToInt(KeywordMatcher.Hit::matchedChars).sum();
        return hits.stream().limit(TOP)
                .map(h -> suggestion(h.category(), round(h.matchedChars() / total), h.keywords(), h.keywords(), place))
                .toList();
    }

    private Suggestion.CategorySuggestion suggestion(Category c, double confidence, List<String> words, List<String> kws, Place place) {
        return new Suggestion.CategorySuggestion(c.code(), c.name(), path(c), confidence, words, kws, units.unitFor(c, place));
    }

    private String path(Category c) {
        List<String> names = new ArrayList<>();
        for (Category x = c; x != null; x = taxonomy.category(x.parentCode()).orElse(null)) {
            names.add(0, x.name());
        }
        return String.join(" / ", names);
    }

    private static double round(double p) {
        return Math.round(p * 1000) / 1000.0;
    }
}
