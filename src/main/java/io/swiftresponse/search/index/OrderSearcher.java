package io.swiftresponse.search.index;

import io.swiftresponse.search.OrderSearchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Runs a search against the index: the text query, the filters and the data scope as filter clauses. */
public final class OrderSearcher {

    /** Beyond this many hits the total is a lower bound: counting every match of a common word costs time. */
    public static final int EXACT_TOTAL_UP_TO = 10_000;
    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, new SortField(OrderFields.RECORDED, SortField.Type.LONG, true));
    private static final Sort NEWEST = new Sort(new SortField(OrderFields.RECORDED, SortField.Type.LONG, true));
    private static final String[] HIGHLIGHTED = OrderFields.TEXT_FIELDS.toArray(String[]::new);

    private final OrderIndex index;
    private final TextQueryParser parser = new TextQueryParser(ChineseAnalyzers.forQuery());
    private final DefaultPassageFormatter formatter = new DefaultPassageFormatter("<em>", "</em>", "…", true);

    public OrderSearcher(OrderIndex index) {
        this.index = index;
    }

    public record Hit(long id, float score, Map<String, String> highlights) {
    }

    public record Hits(List<Hit> hits, long total, boolean totalExact) {
    }

    /** @param scopeUnit the handler's unit, or {@code null} for roles that see every order */
    public Hits search(OrderSearchRequest r, String scopeUnit, Instant now) {
        Query text = r.hasText() ? parser.parse(r.text()) : null;
        if (r.hasText() && text == null) {
            throw new InvalidQueryException("The text has no searchable words (only punctuation or very common words). "
                    + "Leave q empty to list orders by the filters alone.");
        }
        Query query = build(text, r, scopeUnit, now.toEpochMilli());
        boolean relevance = text != null && r.order() != OrderSearchRequest.Order.NEWEST;
        int wanted = (r.page() + 1) * r.size();
        IndexSearcher searcher = index.acquire();
        try {
            TopDocs top = searcher.search(query, new TopFieldCollectorManager(relevance ? BY_RELEVANCE : NEWEST, wanted, null,
                    EXACT_TOTAL_UP_TO, false));
            int from = Math.min(r.page() * r.size(), top.scoreDocs.length);
            ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
            Map<String, String[]> highlights = text == null ? Map.of() : highlight(searcher, parser.forHighlighting(r.text()), page);
            List<Hit> hits = new ArrayList<>(page.length);
            for (int i = 0; i < page.length; i++) {
                long id = Long.parseLong(searcher.storedFields().document(page[i].doc, java.util.Set.of(OrderFields.ID)).get(OrderFields.ID));
                Map<String, String> marked = new LinkedHashMap<>();
                for (String field : HIGHLIGHTED) {
                    String[] values = highlights.get(field);
                    if (values != null && values[i] != null && values[i].contains("<em>")) {
                        marked.put(field, values[i]);
                    }
                }
                // sorted by score first, the score is the first sort value
                float score = relevance ? (Float) ((org.apache.lucene.search.FieldDoc) page[i]).fields[0] : Float.NaN;
                hits.add(new Hit(id, score, marked));
            }
            return new Hits(hits, top.totalHits.value, top.totalHits.relation == TotalHits.Relation.EQUAL_TO);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("The query expands to too many words; use fewer wildcards.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    /** Marks the text query's words only: a filter's unit or category code is not a match to show. */
    private Map<String, String[]> highlight(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return Map.of();
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, ChineseAnalyzers.forIndex())
                .withFormatter(formatter)
                .withMaxLength(2_000)
                .build();
        int[] docs = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docs[i] = page[i].doc;
        }
        int[] passages = new int[HIGHLIGHTED.length];
        java.util.Arrays.fill(passages, 2);
        return highlighter.highlightFields(HIGHLIGHTED, query, docs, passages);
    }

    static Query build(Query text, OrderSearchRequest r, String scopeUnit, long now) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(text != null ? text : new MatchAllDocsQuery(), Occur.MUST);
        if (scopeUnit != null) {
            b.add(term(OrderFields.UNITS, scopeUnit), Occur.FILTER);
        }
        if (r.state() != null) b.add(term(OrderFields.STATE, r.state().name()), Occur.FILTER);
        if (r.categoryCode() != null) b.add(term(OrderFields.CATEGORY, r.categoryCode()), Occur.FILTER);
        if (r.unitCode() != null) b.add(term(OrderFields.UNITS, r.unitCode()), Occur.FILTER);
        if (r.leadUnitCode() != null) b.add(term(OrderFields.LEAD, r.leadUnitCode()), Occur.FILTER);
        if (r.districtCode() != null) b.add(term(OrderFields.DISTRICT, r.districtCode()), Occur.FILTER);
        if (r.streetCode() != null) b.add(term(OrderFields.STREET, r.streetCode()), Occur.FILTER);
        if (r.from() != null || r.to() != null) {
            long from = r.from() == null ? Long.MIN_VALUE : r.from().toEpochMilli();
            long to = r.to() == null ? Long.MAX_VALUE : r.to().toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery(OrderFields.RECORDED, from, to), Occur.FILTER);
        }
        if (r.deadlineStatus() != null) {
            // the rule of the order list: overdue when a running clock is past due; warning when not overdue, not
            // paused (then no warning instant is indexed) and a running clock passed its warning point
            Query overdue = LongPoint.newRangeQuery(OrderFields.DUE, Long.MIN_VALUE, now - 1);
            Query warning = LongPoint.newRangeQuery(OrderFields.WARN, Long.MIN_VALUE, now);
            switch (r.deadlineStatus()) {
                case OVERDUE -> b.add(overdue, Occur.FILTER);
                case WARNING -> b.add(warning, Occur.FILTER).add(overdue, Occur.MUST_NOT);
                case ON_TIME -> b.add(overdue, Occur.MUST_NOT).add(warning, Occur.MUST_NOT);
            }
        }
        return b.build();
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }
}
