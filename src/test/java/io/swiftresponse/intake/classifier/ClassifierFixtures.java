package io.swiftresponse.intake.classifier;

import io.swiftresponse.shared.csv.CsvWriter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small self-made training data for the classifier tests (no shared data). */
final class ClassifierFixtures {

    private ClassifierFixtures() {
    }

    static final Instant FIXED_TIME = Instant.parse("2024-01-01T00:00:00Z");

    /** Three clearly separable topics, raw (unsegmented) Chinese. */
    static List<LabelledText> tinyDataset() {
        String[][] traffic = {
            {"公交车", "地铁站", "红绿灯", "堵车", "公交线路", "出租车", "停车场", "高速公路"},
            {"晚高峰", "早上", "每天", "周末", "下班时", "雨天", "节假日", "夜里"},
        };
        String[][] school = {
            {"学校", "老师", "学生", "学费", "幼儿园", "教室", "课外辅导", "中学"},
            {"收取", "安排", "要求", "增加", "减少", "检查", "管理", "布置"},
        };
        String[][] environment = {
            {"噪音", "污水", "废气", "垃圾焚烧", "粉尘", "油烟", "排放", "异味"},
            {"严重", "扰民", "超标", "刺鼻", "持续", "难闻", "污染", "影响健康"},
        };
        List<LabelledText> out = new ArrayList<>();
        add(out, traffic, "交通运输", "%s附近的%s问题，%s经常出现，请相关部门处理%s。");
        add(out, school, "教育文体", "%s的%s问题，%s总是被%s，家长很有意见。");
        add(out, environment, "环境保护", "小区旁边工厂%s%s，%s一直%s，居民无法休息。");
        return out;
    }

    private static void add(List<LabelledText> out, String[][] words, String label, String pattern) {
        for (int i = 0; i < 8; i++) {
            String a = words[0][i];
            String b = words[1][(i + 3) % 8];
            String c = words[0][(i + 5) % 8];
            String d = words[1][(i + 1) % 8];
            out.add(new LabelledText(String.format(pattern, a, b, c, d), label));
        }
    }

    static TrainingOptions options() {
        return TrainingOptions.defaults().withMinDf(1).withCalibrationFolds(2).withTrainedAt(FIXED_TIME);
    }

    /** Writes the tiny dataset as a CSV text with the given columns (id,text,label). */
    static String tinyCsv() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("id", "text", "label"));
        List<LabelledText> d = tinyDataset();
        for (int i = 0; i < d.size(); i++) {
            rows.add(List.of(Integer.toString(i + 1), d.get(i).text(), d.get(i).label()));
        }
        return CsvWriter.format(rows);
    }
}
