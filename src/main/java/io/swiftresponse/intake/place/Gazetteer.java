package io.swiftresponse.intake.place;

import io.swiftresponse.directory.GeoPoint;
import io.swiftresponse.shared.csv.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gazetteer: every name and alias of the city's streets, communities and landmarks (plus district names),
 * longest first. Finding the names in an address is a scan of a few thousand {@code indexOf} calls, tens of
 * microseconds, which is cheaper than building an automaton for a list this small.
 */
public final class Gazetteer {

    /** One searchable name: the text and the entry it names. */
    record Term(String text, GazetteerEntry entry) {
    }

    private final List<GazetteerEntry> entries;
    private final List<Term> terms;

    Gazetteer(List<GazetteerEntry> entries) {
        this.entries = List.copyOf(entries);
        List<Term> all = new ArrayList<>();
        for (GazetteerEntry e : entries) {
            Set<String> names = new LinkedHashSet<>();
            names.add(normalise(e.name()));
            e.aliases().forEach(a -> names.add(normalise(a)));
            names.stream().filter(n -> n.length() >= 2).forEach(n -> all.add(new Term(n, e)));
        }
        all.sort(Comparator.comparingInt((Term t) -> -t.text().length()).thenComparing(Term::text));
        this.terms = List.copyOf(all);
    }

    /** Reads the CSV resource (name, kind, street_code, aliases separated by |, lat, lng). */
    public static Gazetteer fromResource(String resource, Map<String, String> districtNamesByCode) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            List<GazetteerEntry> entries = new ArrayList<>();
            for (Map<String, String> r : CsvReader.readWithHeader(in)) {
                String aliases = r.getOrDefault("aliases", "");
                entries.add(new GazetteerEntry(r.get("name"), GazetteerEntry.Kind.valueOf(r.get("kind")), r.get("street_code"),
                        aliases == null || aliases.isBlank() ? List.of() : Arrays.asList(aliases.split("\\|")),
                        new GeoPoint(Double.parseDouble(r.get("lat")), Double.parseDouble(r.get("lng")))));
            }
            // districts are searchable too ("朝阳区…" narrows 八里庄 to the right one); their "street" is the district code
            districtNamesByCode.forEach((code, name) -> entries.add(new GazetteerEntry(name, GazetteerEntry.Kind.DISTRICT, code,
                    name.endsWith("区") && name.length() > 2 ? List.of(name.substring(0, name.length() - 1)) : List.of(), null)));
            return new Gazetteer(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<GazetteerEntry> entries() {
        return entries;
    }

    List<Term> terms() {
        return terms;
    }

    /** NFKC (full-width → half-width), no whitespace, lower case: how both names and addresses are compared. */
    static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(c -> b.appendCodePoint(Character.toLowerCase(c)));
        return b.toString();
    }
}
