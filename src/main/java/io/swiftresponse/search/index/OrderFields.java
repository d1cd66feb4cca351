package io.swiftresponse.search.index;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/** The index's fields and how an {@link IndexableOrder} becomes a document. */
public final class OrderFields {

    public static final String ID = "id";
    public static final String NUMBER = "number";
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String NOTES = "notes";
    /** Title, description and notes together, indexed only: a query's words may be spread over all three. */
    public static final String ALL = "all";
    public static final String STATE = "state";
    /** The category and every ancestor code, so a level-1 or level-2 code matches its whole subtree. */
    public static final String CATEGORY = "category";
    /** Lead, co-units and copy unit: the units that see the order (the handler data scope). */
    public static final String UNITS = "units";
    public static final String LEAD = "lead";
    public static final String STREET = "street";
    public static final String DISTRICT = "district";
    public static final String RECORDED = "recorded";
    public static final String DUE = "due";
    public static final String WARN = "warn";
    public static final String UPDATED = "updated";

    public static final List<String> TEXT_FIELDS = List.of(TITLE, DESCRIPTION, NOTES);

    /** Newest first on disk: the filtered list (no query text) stops after the first page of each segment. */
    public static final Sort INDEX_SORT = new Sort(new SortField(RECORDED, SortField.Type.LONG, true));

    /** Stored (for highlighting) with offsets in the postings, so highlighting needs no re-analysis. */
    private static final FieldType TEXT = new FieldType();
    private static final FieldType MATCH = new FieldType();

    static {
        TEXT.setTokenized(true);
        TEXT.setStored(true);
        TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT.freeze();
        MATCH.setTokenized(true);
        MATCH.setStored(false);
        MATCH.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        MATCH.freeze();
    }

    private OrderFields() {
    }

    /** The text fields carry tokens from {@code texts}, so each text is segmented once, not once per field and action. */
    static Document toDocument(IndexableOrder o, AnalyzedTexts texts) {
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(o.id()), Field.Store.YES));
        d.add(new StringField(NUMBER, o.number(), Field.Store.NO));
        String title = nullToEmpty(o.title());
        String description = nullToEmpty(o.description());
        String notes = nullToEmpty(o.notes());
        d.add(text(TITLE, title, texts));
        d.add(text(DESCRIPTION, description, texts));
        d.add(text(NOTES, notes, texts));
        d.add(new Field(ALL, texts.joined(ALL, List.of(title, description, notes)), MATCH));
        d.add(new StringField(STATE, o.state(), Field.Store.NO));
        for (String code : categoryPath(o.categoryCode())) {
            d.add(new StringField(CATEGORY, code, Field.Store.NO));
        }
        List<String> units = new ArrayList<>(o.coUnitCodes());
        if (o.leadUnitCode() != null) {
            units.add(o.leadUnitCode());
            d.add(new StringField(LEAD, o.leadUnitCode(), Field.Store.NO));
        }
        if (o.copyUnitCode() != null) {
            units.add(o.copyUnitCode());
        }
        units.stream().distinct().forEach(u -> d.add(new StringField(UNITS, u, Field.Store.NO)));
        if (o.streetCode() != null) {
            d.add(new StringField(STREET, o.streetCode(), Field.Store.NO));
        }
        if (o.districtCode() != null) {
            d.add(new StringField(DISTRICT, o.districtCode(), Field.Store.NO));
        }
        long recorded = o.recordedAt().toEpochMilli();
        d.add(new LongPoint(RECORDED, recorded));
        d.add(new NumericDocValuesField(RECORDED, recorded));
        d.add(new LongPoint(DUE, o.earliestDue() == null ? Long.MAX_VALUE : o.earliestDue().toEpochMilli()));
        d.add(new LongPoint(WARN, o.earliestWarning() == null ? Long.MAX_VALUE : o.earliestWarning().toEpochMilli()));
        d.add(new StoredField(UPDATED, o.updatedAt().toEpochMilli()));
        return d;
    }

    private static Field text(String name, String value, AnalyzedTexts texts) {
        Field f = new Field(name, value, TEXT);
        f.setTokenStream(texts.stream(name, value));
        return f;
    }

    /** 010101 → [01, 0101, 010101]: category codes grow by two digits a level. */
    static List<String> categoryPath(String code) {
        List<String> path = new ArrayList<>();
        if (code == null) {
            return path;
        }
        for (int end = 2; end < code.length(); end += 2) {
            path.add(code.substring(0, end));
        }
        path.add(code);
        return path;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
