package io.swiftresponse.knowledge.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * Chinese text analysis for search: smartcn's HMM word segmentation, lower-cased Latin, and a stop list of the
 * question words callers wrap around what they mean (怎么办, 请问, 什么时候, ...). The query side adds synonyms
 * (暖气 = 供暖 = 采暖) so a caller's word finds an article written in the official one. Reusable by any module's
 * index: it knows nothing about articles.
 */
public final class ChineseAnalysis {

    /** Words that carry no topic in a caller's question; removed on both sides so they neither match nor dilute. */
    static final List<String> QUESTION_WORDS = List.of("怎么", "怎么办", "怎样", "如何", "什么", "什么时候", "哪里", "哪儿",
            "哪个", "哪些", "多少", "为什么", "吗", "呢", "吧", "啊", "呀", "的", "了", "着", "是", "在", "我", "我们", "我家",
            "你们", "他们", "请问", "想", "问", "问问", "咨询", "一下", "能", "能否", "可以", "可不可以", "需要", "要", "有",
            "没有", "还", "就", "都", "也", "和", "与", "及", "或", "被", "把", "给", "该", "应该", "这", "那", "这个", "那个",
            "一个", "现在", "已经", "谁", "去", "找", "办", "个");

    private static final CharArraySet STOP = stopSet();

    private ChineseAnalysis() {
    }

    /** Segments and filters; used for indexing and as the base of the query analyzer. */
    public static Analyzer indexAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new HMMChineseTokenizer();
                return new TokenStreamComponents(source, new StopFilter(new LowerCaseFilter(source), STOP));
            }
        };
    }

    /**
     * The index analyzer plus synonyms. Each group is a comma-separated list of words meaning the same thing;
     * a word that analyses to nothing (a stop word, punctuation) is skipped rather than failing the whole map.
     */
    public static Analyzer queryAnalyzer(Collection<String> synonymGroups) {
        SynonymMap map = synonymMap(synonymGroups);
        if (map == null) return indexAnalyzer();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new HMMChineseTokenizer();
                TokenStream stream = new StopFilter(new LowerCaseFilter(source), STOP);
                return new TokenStreamComponents(source, new SynonymGraphFilter(stream, map, true));
            }
        };
    }

    /** The terms a text is indexed as, in order; for tests and for explaining a search. */
    public static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) terms.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new IllegalStateException("analysing an in-memory string failed", e);
        }
        return terms;
    }

    private static SynonymMap synonymMap(Collection<String> groups) {
        try (Analyzer base = indexAnalyzer()) {
            SynonymMap.Parser parser = new SynonymMap.Parser(true, base) {
                @Override
                public void parse(Reader in) {
                    throw new UnsupportedOperationException("groups are added one by one");
                }
            };
            int added = 0;
            for (String group : groups) {
                List<CharsRef> words = new ArrayList<>();
                for (String word : group.split("[,，、]")) {
                    if (word.isBlank()) continue;
                    try {
                        words.add(parser.analyze(word.trim(), new CharsRefBuilder()));
                    } catch (IOException | IllegalArgumentException e) {
                        // a stop word or a word smartcn splits into nothing: it cannot take part in a synonym
                    }
                }
                for (CharsRef a : words) {
                    for (CharsRef b : words) {
                        if (!a.equals(b)) {
                            parser.add(a, b, true);
                            added++;
                        }
                    }
                }
            }
            return added == 0 ? null : parser.build();
        } catch (IOException e) {
            throw new IllegalStateException("building the synonym map failed", e);
        }
    }

    private static CharArraySet stopSet() {
        CharArraySet set = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
        set.addAll(QUESTION_WORDS);
        return CharArraySet.unmodifiableSet(set);
    }
}
