package io.swiftresponse.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSearcher.TooManyClauses;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of live articles. A projection: it holds nothing the database does not, so it can be thrown
 * away and rebuilt. Ranking is BM25 over title (x3), keywords and synonyms (x2) and body; equal scores are broken
 * by how often agents answered with the article, then by how recently it changed.
 */
public final class ArticleIndex implements AutoCloseable {

    static final int MAX_QUERY_CLAUSES = 256;
    private static final String[] FIELDS = {"title", "keywords", "body"};
    private static final Map<String, Float> BOOSTS = Map.of("title", 3f, "keywords", 2f, "body", 1f);
    private static final Sort RANKING = new Sort(SortField.FIELD_SCORE, new SortField("usage", SortField.Type.LONG, true),
            new SortField("updated", SortField.Type.LONG, true));
    /** Lucene syntax callers are not meant to use; escaped so "1/2" or "C:" are words, not errors. */
    private static final String ESCAPED = "\\/~^[]{}:*?";

    /** Offsets in the postings let the highlighter find passages without segmenting the body again. */
    private static final FieldType BODY = bodyType();

    private final Analyzer indexAnalyzer = ChineseAnalysis.indexAnalyzer();
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile Analyzer queryAnalyzer = indexAnalyzer;

    public ArticleIndex(Path folder) {
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            throw new IllegalStateException("another process holds the knowledge index in " + folder
                    + " (a running instance?): give each instance its own swift.data-dir, or stop the other one", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the knowledge index in " + folder, e);
        }
    }

    /** Words that mean the same; applied to queries, so changing them needs no re-indexing. */
    public void useSynonyms(Collection<String> groups) {
        queryAnalyzer = ChineseAnalysis.queryAnalyzer(groups);
    }

    public void put(IndexedArticle a) {
        write(() -> writer.updateDocument(new Term("id", Long.toString(a.id())), document(a)));
    }

    public void remove(long id) {
        write(() -> writer.deleteDocuments(new Term("id", Long.toString(id))));
    }

    /** Replaces the whole index in one commit: searches see the old index until the new one is complete. */
    public void replaceAll(Collection<IndexedArticle> articles) {
        write(() -> {
            writer.deleteAll();
            for (IndexedArticle a : articles) writer.addDocument(document(a));
        });
    }

    public int size() {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<SearchHit> search(SearchQuery q) {
        Query words = parse(q.text());
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, words instanceof MatchAllDocsQuery ? Occur.FILTER : Occur.MUST);
        int today = (int) q.today().toEpochDay();
        b.add(IntPoint.newRangeQuery("eff", Integer.MIN_VALUE, today), Occur.FILTER);
        b.add(IntPoint.newRangeQuery("exp", today, Integer.MAX_VALUE), Occur.FILTER);
        if (q.category() != null) b.add(new TermQuery(new Term("cat", q.category())), Occur.FILTER);
        if (q.unit() != null) b.add(new TermQuery(new Term("unit", q.unit())), Occur.FILTER);
        Query query = b.build();
        try {
            IndexSearcher s = searchers.acquire();
            try {
                TopFieldDocs top = s.search(query, q.limit(), RANKING, true);
                String[] passages = words instanceof MatchAllDocsQuery ? new String[top.scoreDocs.length]
                        : UnifiedHighlighter.builder(s, indexAnalyzer)
                                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                                .build().highlight("body", words, top, 1);
                List<SearchHit> hits = new ArrayList<>();
                for (int i = 0; i < top.scoreDocs.length; i++) {
                    ScoreDoc sd = top.scoreDocs[i];
                    Document d = s.storedFields().document(sd.doc);
                    String passage = passages[i] != null ? passages[i] : opening(d.get("body"));
                    String exp = d.get("expStored");
                    hits.add(new SearchHit(Long.parseLong(d.get("id")), d.get("title"), passage, Float.isNaN(sd.score) ? 0 : sd.score,
                            d.get("unitStored"), List.of(d.getValues("catStored")), d.getField("usageStored").numericValue().intValue(),
                            LocalDate.parse(d.get("effStored")), exp == null ? null : LocalDate.parse(exp)));
                }
                return hits;
            } finally {
                searchers.release(s);
            }
        } catch (TooManyClauses e) {
            throw new BadQueryException("the query expands to too many terms; use fewer words or operators");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query parse(String text) {
        if (text == null || text.isBlank()) return new MatchAllDocsQuery();
        MultiFieldQueryParser parser = new MultiFieldQueryParser(FIELDS, queryAnalyzer, BOOSTS);
        parser.setDefaultOperator(QueryParser.Operator.OR);
        parser.setAllowLeadingWildcard(false);
        try {
            Query parsed = parser.parse(escape(text.strip()));
            if (parsed instanceof BooleanQuery bq && bq.clauses().size() > MAX_QUERY_CLAUSES) {
                throw new BadQueryException("the query has too many words or operators; use fewer");
            }
            return parsed;
        } catch (ParseException | TooManyClauses e) {
            throw new BadQueryException(hint(text));
        }
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (ESCAPED.indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    private static String hint(String text) {
        long quotes = text.chars().filter(c -> c == '"').count();
        long open = text.chars().filter(c -> c == '(').count();
        long close = text.chars().filter(c -> c == ')').count();
        if (quotes % 2 != 0) return "a quotation mark is not closed: put phrases between two \" marks, or leave the quotes out";
        if (open != close) return "parentheses do not match: every ( needs a )";
        return "the words could not be read as a query: AND, OR, NOT, + and - need words on both sides (or before the word for + and -); "
                + "plain words without operators always work";
    }

    private static String opening(String body) {
        if (body == null) return "";
        String first = body.length() > 120 ? body.substring(0, 120) + "…" : body;
        return org.jsoup.nodes.Entities.escape(first);
    }

    private static Document document(IndexedArticle a) {
        Document d = new Document();
        d.add(new StringField("id", Long.toString(a.id()), Field.Store.YES));
        d.add(new TextField("title", a.title(), Field.Store.YES));
        d.add(new Field("body", a.text(), BODY));
        d.add(new TextField("keywords", a.keywords(), Field.Store.NO));
        d.add(new StringField("unit", a.unitCode(), Field.Store.NO));
        for (String code : a.categoryCodes()) {
            // every level of the category code, so a filter by 01 or 0101 finds an article filed under 010102
            for (int len = 2; len <= code.length(); len += 2) d.add(new StringField("cat", code.substring(0, len), Field.Store.NO));
        }
        d.add(new IntPoint("eff", (int) a.effectiveFrom().toEpochDay()));
        d.add(new IntPoint("exp", a.expiresOn() == null ? Integer.MAX_VALUE : (int) a.expiresOn().toEpochDay()));
        d.add(new NumericDocValuesField("usage", a.usageCount()));
        d.add(new NumericDocValuesField("updated", a.updatedAt().toEpochMilli()));
        d.add(new StoredField("unitStored", a.unitCode()));
        for (String code : a.categoryCodes()) d.add(new StoredField("catStored", code));
        d.add(new StoredField("usageStored", a.usageCount()));
        d.add(new StoredField("effStored", a.effectiveFrom().toString()));
        if (a.expiresOn() != null) d.add(new StoredField("expStored", a.expiresOn().toString()));
        return d;
    }

    private static FieldType bodyType() {
        FieldType t = new FieldType(TextField.TYPE_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    private interface IndexWrite {
        void run() throws IOException;
    }

    private synchronized void write(IndexWrite change) {
        try {
            change.run();
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the knowledge index failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
