package io.swiftresponse.knowledge.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Article bodies are rich text written by many units and shown to agents and the public, so they pass an
 * allow-list: headings, paragraphs, lists, tables, emphasis and http(s)/mailto/tel links. Everything else
 * (script, style, iframes, event handlers, javascript: URLs) is dropped, not escaped, so it never reaches a page.
 */
public final class ArticleHtml {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img", "cite", "q", "sub", "sup", "span", "dl", "dt", "dd", "col", "colgroup")
            .removeProtocols("a", "href", "ftp")
            .addProtocols("a", "href", "tel")
            .addAttributes("a", "title")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");

    private ArticleHtml() {
    }

    /** The body as it may be stored and shown. */
    public static String sanitize(String html) {
        if (html == null) return "";
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", ALLOWED, out).trim();
    }

    /** The visible text, for the search index and for passages. Block ends become line breaks so words do not run together. */
    public static String text(String html) {
        Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
        doc.select("h1,h2,h3,h4,h5,h6,p,li,tr,td,th,br,div").forEach(e -> e.appendText("\n"));
        return doc.body().wholeText().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\s*\\n\\s*", "\n").trim();
    }
}
