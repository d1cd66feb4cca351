package io.swiftresponse.open311.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link Doc} as UTF-8 XML (with a declaration) or JSON. */
final class DocWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private DocWriter() {
    }

    static byte[] write(Doc doc, Format format) {
        return format == Format.JSON ? JSON.writeValueAsBytes(plain(doc.content())) : xml(doc);
    }

    private static Object plain(Object value) {
        if (value instanceof Doc.Many many) return plain(many.values());
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k.toString(), plain(v)));
            return out;
        }
        return value instanceof String s ? xmlSafe(s) : value;
    }

    private static byte[] xml(Doc doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement(doc.root());
            if (doc.item() != null) {
                for (Object item : (List<?>) doc.content()) element(w, doc.item(), item);
            } else {
                children(w, (Map<?, ?>) doc.content());
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing an Open311 XML document failed", e);
        }
        return out.toByteArray();
    }

    private static void children(XMLStreamWriter w, Map<?, ?> map) throws XMLStreamException {
        for (Map.Entry<?, ?> e : map.entrySet()) element(w, e.getKey().toString(), e.getValue());
    }

    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        if (value == null) {
            w.writeEmptyElement(name);
            return;
        }
        w.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            children(w, map);
        } else if (value instanceof Doc.Many many) {
            for (Object v : many.values()) element(w, many.item(), v);
        } else {
            w.writeCharacters(xmlSafe(value.toString()));
        }
        w.writeEndElement();
    }

    /** Drops characters XML 1.0 cannot carry (control characters, lone surrogates), in both formats alike. */
    static String xmlSafe(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (!ok && sb == null) sb = new StringBuilder(s.substring(0, i));
            if (sb != null && ok) sb.append(c);
        }
        return sb == null ? s : sb.toString();
    }
}
