package io.swiftresponse.shared.csv;

import java.io.IOException;

/** Input that is not well-formed CSV (RFC 4180) or not valid UTF-8; the message names the line. */
public final class CsvFormatException extends IOException {

    private static final long serialVersionUID = 1L;
    private final long line;

    public CsvFormatException(String message, long line) {
        super(message + " (line " + line + ")");
        this.line = line;
    }

    /** 1-based physical line number where the problem was found. */
    public long line() {
        return line;
    }

    /** The message without the trailing "(line N)", to prefix it with a file name. */
    public String reason() {
        return getMessage().replaceFirst(" \\(line \\d+\\)$", "");
    }
}
