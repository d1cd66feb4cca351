package io.swiftresponse.search.index;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * The search text in Lucene's classic syntax ("quoted phrases", -exclusion, OR, title:…, prefix*), all words
 * required by default. Words may be spread over title, description and notes; a match in the title scores
 * higher. Fields other than the three texts, leading wildcards and regular expressions are refused, so a
 * query can neither reach past the texts nor scan the whole term dictionary.
 */
public final class TextQueryParser {

    static final Set<String> FIELDS = Set.of(OrderFields.TITLE, OrderFields.DESCRIPTION, OrderFields.NOTES, OrderFields.ALL);
    private static final float TITLE_BOOST = 2f;
    static final String SYNTAX_HINT = "Type the words to find, e.g. 暖气 不热. Use \"…\" for an exact phrase, -word to exclude, "
            + "OR between alternatives, title:, description: or notes: to search one text. Put \\ before a special character "
            + "+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ / to search for it literally.";

    private final Analyzer analyzer;

    public TextQueryParser(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The text query, or {@code null} when the text has no searchable words (only punctuation, stop words). */
    public Query parse(String text) {
        Query all = parse(text, OrderFields.ALL, QueryParser.Operator.AND);
        if (all == null) {
            return null;
        }
        Query title = parse(text, OrderFields.TITLE, QueryParser.Operator.OR);
        if (title == null) {
            return all;
        }
        return new BooleanQuery.Builder()
                .add(all, BooleanClause.Occur.MUST)
                .add(new BoostQuery(title, TITLE_BOOST), BooleanClause.Occur.SHOULD)
                .build();
    }

    /**
     * The same words against each text separately, any of them: what the highlighter marks. (The match itself
     * runs on the combined field, whose offsets do not point into any one text.)
     */
    public Query forHighlighting(String text) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String field : OrderFields.TEXT_FIELDS) {
            Query q = parse(text, field, QueryParser.Operator.OR);
            if (q != null) {
                b.add(q, BooleanClause.Occur.SHOULD);
            }
        }
        return b.build();
    }

    private Query parse(String text, String defaultField, QueryParser.Operator operator) {
        Restricted parser = new Restricted(defaultField, analyzer);
        parser.setDefaultOperator(operator);
        parser.setAllowLeadingWildcard(false);
        try {
            Query q = parser.parse(text);
            return q == null || (q instanceof BooleanQuery b && b.clauses().isEmpty()) ? null : q;
        } catch (ParseException e) {
            throw new InvalidQueryException(reason(e) + " " + SYNTAX_HINT);
        } catch (IndexSearcher.TooManyClauses | TooComplexToDeterminizeException e) {
            throw new InvalidQueryException("The query expands to too many words; use fewer wildcards. " + SYNTAX_HINT);
        }
    }

    /** Lucene says "Cannot parse 'q': why"; people need the why, in words when it is the grammar's. */
    private static String reason(ParseException e) {
        String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        int colon = reason.indexOf("': ");
        if (reason.startsWith("Cannot parse") && colon > 0) {
            reason = reason.substring(colon + 3);
        }
        if (reason.startsWith("Encountered") || reason.startsWith("Lexical error")) {
            reason = "The query syntax is not valid (" + reason.replace("\"", "'").strip() + ")";
        }
        return reason.endsWith(".") ? reason : reason + ".";
    }

    private static final class Restricted extends QueryParser {

        Restricted(String field, Analyzer analyzer) {
            super(field, analyzer);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            return super.getFieldQuery(checked(field), queryText, quoted);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            return super.getFieldQuery(checked(field), queryText, slop);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            return super.getPrefixQuery(checked(field), termStr);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            return super.getWildcardQuery(checked(field), termStr);
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            return super.getFuzzyQuery(checked(field), termStr, minSimilarity);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
                throws ParseException {
            throw new ParseException("Ranges are not supported in the search text; use the from/to filters");
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            throw new ParseException("Regular expressions are not supported");
        }

        private String checked(String field) throws ParseException {
            if (!FIELDS.contains(field)) {
                throw new ParseException("Unknown field '" + field + "'; searchable: title, description, notes");
            }
            return field;
        }
    }
}
