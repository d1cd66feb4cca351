package io.swiftresponse.open311;

import io.swiftresponse.taxonomy.Category;
import io.swiftresponse.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Our categories as Open311 services: the dispatchable ones under the configured prefixes, with their questions. */
@Service
public class ServiceCatalog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Taxonomy taxonomy;
    private final Open311Settings settings;
    private final JdbcClient jdbc;

    ServiceCatalog(Taxonomy taxonomy, Open311Settings settings, JdbcClient jdbc) {
        this.taxonomy = taxonomy;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    public List<Open311Service> services() {
        Map<String, List<Question>> questions = questions(null);
        return offered().map(c -> service(c, questions.getOrDefault(c.code(), List.of()))).toList();
    }

    public Optional<Open311Service> service(String code) {
        return offered().filter(c -> c.code().equals(code)).findFirst()
                .map(c -> service(c, questions(c.code()).getOrDefault(c.code(), List.of())));
    }

    /** Codes of every offered category, for selecting orders. */
    public List<String> codes() {
        return offered().map(Category::code).toList();
    }

    /** The service's name even when it is no longer offered (an old order keeps its category). */
    public String nameOf(String categoryCode) {
        return taxonomy.category(categoryCode).map(Category::name).orElse("");
    }

    private Stream<Category> offered() {
        List<String> prefixes = settings.servicePrefixes();
        return taxonomy.categories().stream()
                .filter(Category::dispatchable)
                .filter(c -> prefixes.isEmpty() || prefixes.stream().anyMatch(p -> c.code().startsWith(p)));
    }

    private Open311Service service(Category c, List<Question> questions) {
        Category level2 = taxonomy.category(c.parentCode()).orElse(null);
        Category level1 = level2 == null ? null : taxonomy.category(level2.parentCode()).orElse(null);
        String description = Stream.of(level1, level2, c).filter(x -> x != null).map(Category::name)
                .collect(Collectors.joining(" / "));
        List<String> words = new ArrayList<>();
        Stream.of(c.keywords().split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).forEach(words::add);
        Stream.of(settings.flagsOf(c.code()).split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(words::add);
        return new Open311Service(c.code(), c.name(), description, level1 == null ? "" : level1.name(),
                String.join(", ", words), questions);
    }

    private Map<String, List<Question>> questions(String categoryCode) {
        Map<String, List<Question>> byCategory = new LinkedHashMap<>();
        jdbc.sql("""
                select category_code, code, variable, datatype, required, datatype_description, ord, description, "values"::text
                from open311_question where (:category::varchar is null or category_code = :category) order by category_code, ord, code""")
                .param("category", categoryCode)
                .query(rs -> {
                    List<Question.Value> values = JSON.readValue(rs.getString(9), new TypeReference<List<Question.Value>>() { });
                    byCategory.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Question(rs.getString(2),
                            rs.getBoolean(3), rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getInt(7), rs.getString(8),
                            values));
                });
        return byCategory;
    }
}
