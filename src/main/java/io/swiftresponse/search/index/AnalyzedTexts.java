package io.swiftresponse.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Analyses each text once and replays its tokens. An order is re-indexed after every action, but its title and
 * description rarely change, and the Chinese segmentation (smartcn's HMM) is the most expensive part of indexing
 * (about a third of the server's CPU per action in the order benchmark's profile). The combined field is
 * replayed from the tokens of its parts instead of segmenting the same text a second time.
 * Used by the single index thread; synchronized all the same.
 */
final class AnalyzedTexts {

    /** Separator between the parts of the combined field, as if they had been joined with it. */
    static final String SEPARATOR = "\n";

    private final Analyzer analyzer;
    private final Map<String, Token[]> recent;

    AnalyzedTexts(Analyzer analyzer, int capacity) {
        this.analyzer = analyzer;
        this.recent = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Token[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The tokens of {@code text} as the analyzer gives them for {@code field}. */
    TokenStream stream(String field, String text) {
        List<Token[]> one = new ArrayList<>();
        one.add(tokens(field, text));
        return new Replay(one, List.of(text));
    }

    /** The tokens of the parts joined with {@link #SEPARATOR}: positions continue, offsets shift. */
    TokenStream joined(String field, List<String> parts) {
        List<Token[]> tokens = new ArrayList<>();
        parts.forEach(p -> tokens.add(tokens(field, p)));
        return new Replay(tokens, parts);
    }

    private synchronized Token[] tokens(String field, String text) {
        // one analyzer for every text field: the field name only selects the analyzer's components
        Token[] known = recent.get(text);
        if (known != null) {
            return known;
        }
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(), increment.getPositionIncrement(),
                        length.getPositionLength()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Token[] tokens = out.toArray(Token[]::new);
        recent.put(text, tokens);
        return tokens;
    }

    private record Token(String term, int start, int end, int increment, int length) {
    }

    /** Replays the tokens of one or more texts, as if they had been analysed joined by the separator. */
    private static final class Replay extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
        private final List<Token[]> parts;
        private final int[] shifts;
        private final int finalOffset;
        private int part;
        private int next;

        Replay(List<Token[]> parts, List<String> texts) {
            this.parts = parts;
            this.shifts = new int[texts.size()];
            int shift = 0;
            for (int i = 0; i < texts.size(); i++) {
                shifts[i] = shift;
                shift += texts.get(i).length() + SEPARATOR.length();
            }
            this.finalOffset = shift - SEPARATOR.length();
        }

        @Override
        public boolean incrementToken() {
            while (part < parts.size() && next >= parts.get(part).length) {
                part++;
                next = 0;
            }
            if (part >= parts.size()) {
                return false;
            }
            clearAttributes();
            Token t = parts.get(part)[next++];
            term.setEmpty().append(t.term());
            offset.setOffset(t.start() + shifts[part], t.end() + shifts[part]);
            increment.setPositionIncrement(t.increment());
            length.setPositionLength(t.length());
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(finalOffset, finalOffset);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            part = 0;
            next = 0;
        }
    }
}
