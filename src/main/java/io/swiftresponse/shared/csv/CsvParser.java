package io.swiftresponse.shared.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC 4180 record parser: fields separated by commas, records by CRLF, LF or CR; a quoted field
 * may hold commas, line breaks and doubled quotes. Strict, because a silently mis-split record puts text
 * into the wrong column: a quote inside an unquoted field, text after a closing quote or an unterminated
 * quoted field is a {@link CsvFormatException} naming the physical line.
 */
final class CsvParser implements AutoCloseable {

    private final Reader in;
    private int pushback = -2;
    private long line = 1;
    private long recordStartLine = 1;

    CsvParser(Reader in) {
        this.in = in;
    }

    /** Physical line on which the record last returned by {@link #next()} started. */
    long recordStartLine() {
        return recordStartLine;
    }

    private int read() throws IOException {
        if (pushback != -2) {
            int c = pushback;
            pushback = -2;
            return c;
        }
        try {
            return in.read();
        } catch (CharacterCodingException e) {
            throw new CsvFormatException("input is not valid UTF-8", line);
        }
    }

    /** Next record, or null at end of input. A blank line is a record with one empty field. */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordStartLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (c == '"' && field.length() == 0) {
                c = quoted(field);
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                c = read();
                continue;
            }
            if (c == '\n' || c == '\r' || c == -1) {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        pushback = d;
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return fields;
            }
            if (c == '"') {
                throw new CsvFormatException("quote inside an unquoted field", line);
            }
            field.append((char) c);
            c = read();
        }
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int quoted(StringBuilder field) throws IOException {
        long startLine = line;
        while (true) {
            int c = read();
            if (c == -1) {
                throw new CsvFormatException("unterminated quoted field", startLine);
            }
            if (c == '"') {
                c = read();
                if (c == '"') {
                    field.append('"');
                    continue;
                }
                if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    throw new CsvFormatException("unexpected character '" + (char) c + "' after a closing quote", line);
                }
                return c;
            }
            field.append((char) c);
            if (c == '\n') {
                line++;
            } else if (c == '\r') {
                int d = read();
                pushback = d;
                if (d != '\n') {
                    line++;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
