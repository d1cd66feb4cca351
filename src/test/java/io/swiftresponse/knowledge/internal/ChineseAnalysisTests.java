package io.swiftresponse.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** Segmentation of typical complaint phrases, the question-word stop list, and query-side synonyms. */
class ChineseAnalysisTests {

    private final Analyzer index = ChineseAnalysis.indexAnalyzer();

    @Test
    void segmentsTypicalComplaintPhrasesIntoWords() {
        assertThat(ChineseAnalysis.terms(index, "晚上工地施工噪音扰民")).containsExactly("晚上", "工地", "施工", "噪音", "扰民");
        assertThat(ChineseAnalysis.terms(index, "住房公积金怎么提取")).containsExactly("住房", "公积金", "提取");
        assertThat(ChineseAnalysis.terms(index, "小区停车位被占")).containsExactly("小区", "停车位", "被占");
        assertThat(ChineseAnalysis.terms(index, "公司拖欠工资三个月了")).contains("拖欠", "工资");
    }

    @Test
    void dropsQuestionWordsAndPunctuation() {
        assertThat(ChineseAnalysis.terms(index, "请问，暖气不热怎么办？")).containsExactly("暖气", "不", "热");
        assertThat(ChineseAnalysis.terms(index, "怎么办")).isEmpty();
    }

    @Test
    void lowerCasesLatinLetters() {
        assertThat(ChineseAnalysis.terms(index, "APP缴费")).contains("app");
    }

    @Test
    void queriesExpandToSynonymsInBothDirections() {
        Analyzer query = ChineseAnalysis.queryAnalyzer(List.of("暖气,供暖,采暖", "欠薪,拖欠工资"));
        assertThat(ChineseAnalysis.terms(query, "采暖费")).contains("暖气", "供暖", "采暖", "费");
        assertThat(ChineseAnalysis.terms(query, "暖气")).contains("供暖", "采暖");
        // a multi-word synonym: 欠薪 (segmented 欠 薪) also finds 拖欠 工资
        assertThat(ChineseAnalysis.terms(query, "欠薪")).contains("拖欠", "工资");
    }

    @Test
    void ignoresSynonymWordsThatAreOnlyStopWords() {
        Analyzer query = ChineseAnalysis.queryAnalyzer(List.of("怎么办,如何", "停水,没水"));
        assertThat(ChineseAnalysis.terms(query, "停水")).contains("停水");
        assertThat(ChineseAnalysis.terms(query, "怎么办")).isEmpty();
    }
}
