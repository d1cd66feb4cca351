package io.swiftresponse.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.junit.jupiter.api.Test;

class AnalyzedTextsTests {

    private static final String TITLE = "小区暖气不热";
    private static final String DESCRIPTION = "东华门街道某小区3号楼，暖气只有十五度，老人和孩子受不了；物业说锅炉坏了，已经一周没人修。";
    private static final String NOTES = "已联系供热公司，明天上门检修。The heating company will call back.";

    private final Analyzer analyzer = ChineseAnalyzers.forIndex();
    private final AnalyzedTexts texts = new AnalyzedTexts(analyzer, 16);

    @Test
    void aReplayedTextHasExactlyTheTokensOfAFreshAnalysis() throws IOException {
        for (String text : List.of(TITLE, DESCRIPTION, NOTES, "", "的了")) {
            assertThat(tokens(texts.stream("title", text))).as(text).isEqualTo(tokens(analyzer.tokenStream("title", text)));
            // the second time from the cache, still the same
            assertThat(tokens(texts.stream("title", text))).as(text).isEqualTo(tokens(analyzer.tokenStream("title", text)));
        }
    }

    /**
     * Terms and offsets are those of the joined text. Positions may differ by one at a boundary: a stop word
     * (e.g. a full stop) that ends one part leaves a gap before the next part only when the text is analysed joined.
     */
    @Test
    void theCombinedFieldHasTheTermsAndOffsetsOfTheJoinedText() throws IOException {
        String joined = String.join(AnalyzedTexts.SEPARATOR, TITLE, DESCRIPTION, NOTES);
        List<String> replayed = tokens(texts.joined("all", List.of(TITLE, DESCRIPTION, NOTES)));
        assertThat(withoutPositions(replayed)).isEqualTo(withoutPositions(tokens(analyzer.tokenStream("all", joined))));
        assertThat(replayed).contains("暖气@2-4+1", "锅炉@" + (TITLE.length() + 1 + DESCRIPTION.indexOf("锅炉")) + "-"
                + (TITLE.length() + 1 + DESCRIPTION.indexOf("锅炉") + 2) + "+1");
    }

    @Test
    void emptyPartsKeepTheOffsetsOfTheOthers() throws IOException {
        String joined = String.join(AnalyzedTexts.SEPARATOR, TITLE, "", NOTES);
        assertThat(tokens(texts.joined("all", List.of(TITLE, "", NOTES)))).isEqualTo(tokens(analyzer.tokenStream("all", joined)));
    }

    private static List<String> withoutPositions(List<String> tokens) {
        return tokens.stream().map(t -> t.replaceAll("\\+\\d+(/\\d+)?$", "")).toList();
    }

    /** term@start-end+increment/length, and the final offset. */
    private static List<String> tokens(TokenStream ts) throws IOException {
        List<String> out = new ArrayList<>();
        try (ts) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "@" + offset.startOffset() + "-" + offset.endOffset() + "+" + inc.getPositionIncrement()
                        + (len.getPositionLength() == 1 ? "" : "/" + len.getPositionLength()));
            }
            ts.end();
            out.add("end@" + offset.endOffset());
        }
        return out;
    }
}
