package io.swiftresponse.intake.suggest;

import io.swiftresponse.intake.classifier.LabelledText;
import io.swiftresponse.taxonomy.Category;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A demo training set written from the category catalogue: for every dispatchable category, short call
 * summaries built from its keywords, its name and its parent's name inside everyday phrases. It teaches
 * the model the catalogue's vocabulary, nothing more: it is what the platform starts from before it has
 * labelled history of its own, and its figures say nothing about real calls (docs/intake.md).
 */
public final class CatalogueTrainingSet {

    private static final String[] PLACES = {"小区", "楼下", "家门口", "我们村", "单位附近", "路口", "楼道里", "街边"};
    private static final String[] PLEAS = {"希望尽快处理", "请相关部门解决", "已经好几天了", "影响正常生活", "多次反映没有结果",
            "请派人来看看", "老人孩子受不了", "希望给个说法"};
    private static final String[] OPENERS = {"市民来电反映", "来电人称", "反映", "咨询", "投诉", "来电表示"};

    private CatalogueTrainingSet() {
    }

    /** Deterministic for a seed: {@code perCategory} texts for every level-3 category. */
    public static List<LabelledText> generate(Collection<Category> categories, int perCategory, long seed) {
        Map<String, Category> byCode = categories.stream().collect(Collectors.toMap(Category::code, Function.identity()));
        SplittableRandom random = new SplittableRandom(seed);
        List<LabelledText> out = new ArrayList<>();
        for (Category c : categories) {
            if (!c.dispatchable()) continue;
            List<String> keywords = keywords(c);
            Category parent = byCode.get(c.parentCode());
            String parentName = parent == null ? c.name() : parent.name();
            for (int i = 0; i < perCategory; i++) {
                String kw = keywords.get(i % keywords.size());
                String other = keywords.get(random.nextInt(keywords.size()));
                String text = switch (i % 6) {
                    case 0 -> kw;
                    case 1 -> pick(OPENERS, random) + pick(PLACES, random) + kw + "，" + pick(PLEAS, random);
                    case 2 -> c.name() + "：" + kw + "，" + other;
                    case 3 -> pick(PLACES, random) + parentName + "问题，" + kw + "，" + pick(PLEAS, random);
                    case 4 -> pick(OPENERS, random) + c.name() + "，" + pick(PLEAS, random);
                    default -> kw + "，" + other + "，" + pick(PLACES, random) + pick(PLEAS, random);
                };
                out.add(new LabelledText(text, c.code()));
            }
        }
        return out;
    }

    /** The catalogue keywords of a category, or its name when it has none. */
    public static List<String> keywords(Category c) {
        if (c.keywords() == null || c.keywords().isBlank()) return List.of(c.name());
        return Arrays.stream(c.keywords().split("\\|")).map(String::strip).filter(k -> !k.isEmpty()).toList();
    }

    private static String pick(String[] options, SplittableRandom random) {
        return options[random.nextInt(options.length)];
    }
}
