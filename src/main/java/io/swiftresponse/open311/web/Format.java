package io.swiftresponse.open311.web;

import java.util.Locale;

/** The response format, chosen by the extension of the last path segment ({@code requests.json}). */
enum Format {
    XML("text/xml; charset=utf-8"),
    JSON("application/json; charset=utf-8");

    final String contentType;

    Format(String contentType) {
        this.contentType = contentType;
    }

    /** The format of a path; XML (the required one) when the extension is missing or unknown. */
    static Format ofPath(String path) {
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : XML;
    }

    /** {@code name.ext} split into name and a known format, or {@code null} when the extension is not xml/json. */
    static Named parse(String file) {
        int dot = file.lastIndexOf('.');
        if (dot <= 0) return null;
        String ext = file.substring(dot + 1);
        Format f = ext.equals("xml") ? XML : ext.equals("json") ? JSON : null;
        return f == null ? null : new Named(file.substring(0, dot), f);
    }

    record Named(String name, Format format) {
    }
}
