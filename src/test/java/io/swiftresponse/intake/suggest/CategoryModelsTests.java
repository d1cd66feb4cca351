package io.swiftresponse.intake.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.intake.classifier.LabelledText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategoryModelsTests {

    @TempDir
    Path dir;

    @Test
    void aMissingModelFileIsTheNoModelStateNotACrash() {
        CategoryModel m = CategoryModels.load(dir.resolve("absent.bin"));
        assertThat(m.status()).isEqualTo(CategoryModel.Status.NO_MODEL);
        assertThat(m.model()).isNull();
        assertThat(m.detail()).contains("No category model has been trained yet").contains("absent.bin");
        assertThat(m.version()).isEqualTo("keywords");
    }

    @Test
    void aCorruptModelFileIsTheNoModelStateWithOneLineSayingWhy() throws Exception {
        Path file = dir.resolve("corrupt.bin");
        Files.write(file, "this is not a model".getBytes());
        CategoryModel m = CategoryModels.load(file);
        assertThat(m.status()).isEqualTo(CategoryModel.Status.NO_MODEL);
        assertThat(m.detail()).contains("corrupt.bin").contains("cannot be used").doesNotContain("\n");
    }

    @Test
    void theCatalogueSetHasTheSameNumberOfTextsForEveryDispatchableCategoryAndIsDeterministic() {
        List<LabelledText> a = CatalogueTrainingSet.generate(Catalogue.demo(), 8, 42);
        assertThat(a).hasSize(407 * 8);
        assertThat(a.stream().filter(t -> t.label().equals("010101")).map(LabelledText::text))
                .hasSize(8).anyMatch(t -> t.contains("暖气不热"));
        assertThat(CatalogueTrainingSet.generate(Catalogue.demo(), 8, 42)).isEqualTo(a);
    }

    @Test
    void keywordFallbackRanksByMatchedKeywordLength() {
        KeywordMatcher m = new KeywordMatcher(Catalogue.demo());
        List<KeywordMatcher.Hit> hits = m.hits("家里暖气不热，室温低");
        assertThat(hits.get(0).category().code()).isEqualTo("010101");
        assertThat(hits).extracting(h -> h.category().code()).contains("010102");
        assertThat(m.hits("hello")).isEmpty();
    }

    @Test
    void textCheckRefusesEmptyHugeAndBinaryAndDoubtsMixedScripts() {
        assertThat(TextCheck.check("家里暖气不热", 100)).isNull();
        assertThat(TextCheck.check("Привет привет 暖气", 100)).contains("Chinese");
        assertThat(TextCheck.check("ok", 100)).contains("no Chinese");
        for (String bad : new String[] {"", "  ", "暖".repeat(101), "暖\u0007气", "暖\uFFFD气", "暖\uD800气", "暖\uE000气"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TextCheck.check(bad, 100)).as(bad)
                    .isInstanceOf(io.swiftresponse.shared.web.Problem.class);
        }
    }
}
