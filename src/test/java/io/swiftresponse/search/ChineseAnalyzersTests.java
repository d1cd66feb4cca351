package io.swiftresponse.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.search.index.ChineseAnalyzers;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseAnalyzersTests {

    private static List<String> index(String text) {
        return ChineseAnalyzers.terms(ChineseAnalyzers.forIndex(), text);
    }

    private static List<String> query(String text) {
        return ChineseAnalyzers.terms(ChineseAnalyzers.forQuery(), text);
    }

    @Test
    void segmentsTypicalComplaintPhrasesIntoWords() {
        assertThat(index("家里暖气不热，老人受不了")).containsExactly("家里", "暖气", "不", "热", "老人", "受不了");
        assertThat(index("楼下饭店油烟扰民")).containsExactly("楼下", "饭店", "油烟", "扰民");
        assertThat(index("施工噪音影响休息")).containsExactly("施工", "噪音", "影响", "休息");
        assertThat(index("公司拖欠工资三个月")).startsWith("公司", "拖欠", "工资");
        assertThat(index("东华门街道某小区3号楼停水")).contains("东华门", "街道", "小区", "停水");
    }

    @Test
    void dropsPunctuationAndLowerCasesLatin() {
        assertThat(index("WiFi信号差！！？")).doesNotContain("！", "？", "!").contains("wifi");
    }

    @Test
    void queriesExpandSynonymsButIndexingDoesNot() {
        assertThat(index("供暖")).containsExactly("供暖");
        assertThat(query("供暖")).contains("供暖", "暖气", "采暖");
        assertThat(query("扰民")).contains("扰民", "噪音", "噪声");
        // a multi-word synonym: 欠薪 also finds orders saying 拖欠工资
        assertThat(query("欠薪")).contains("拖欠", "工资");
        assertThat(query("路灯不亮")).containsExactly("路", "灯", "不", "亮");
    }
}
