package io.swiftresponse.search.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Chinese analysis for order texts: smartcn's HMM word segmentation (dictionary in the jar), lower case, its
 * punctuation stop list; at query time also a few synonyms of how callers and agents say the same thing
 * (暖气/供暖, 噪音/噪声/扰民, 欠薪/拖欠工资...). Synonyms are expanded only in queries, so changing them needs no
 * reindex.
 */
public final class ChineseAnalyzers {

    /** Solr synonym format, one group a line; multi-word entries are segmented by the same tokenizer. */
    static final String SYNONYMS = """
            暖气, 供暖, 采暖
            噪音, 噪声, 扰民
            欠薪, 拖欠工资, 讨薪, 工资拖欠
            物业费, 物业管理费
            停水, 断水, 没水
            停电, 断电, 没电
            违建, 违章建筑, 私搭乱建
            占道, 占用道路, 占道经营
            垃圾, 废弃物
            漏水, 渗水
            """;

    private static final CharArraySet STOP_WORDS = SmartChineseAnalyzer.getDefaultStopSet();
    private static final SynonymMap SYNONYM_MAP = synonyms();

    private ChineseAnalyzers() {
    }

    /** What documents are indexed with: segmentation only. */
    public static Analyzer forIndex() {
        return new Segmenting(false);
    }

    /** What queries are analysed with: segmentation plus synonyms. */
    public static Analyzer forQuery() {
        return new Segmenting(true);
    }

    /** The terms a text becomes, for tests and for explaining a query. */
    public static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("t", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static SynonymMap synonyms() {
        try (Analyzer plain = new Segmenting(false)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, plain);
            parser.parse(new StringReader(SYNONYMS));
            return parser.build();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("the built-in synonym list does not parse", e);
        }
    }

    private static final class Segmenting extends Analyzer {

        private final boolean withSynonyms;

        Segmenting(boolean withSynonyms) {
            this.withSynonyms = withSynonyms;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new HMMChineseTokenizer();
            TokenStream stream = new LowerCaseFilter(tokenizer);
            stream = new StopFilter(stream, STOP_WORDS);
            if (withSynonyms) {
                stream = new SynonymGraphFilter(stream, SYNONYM_MAP, true);
            }
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
