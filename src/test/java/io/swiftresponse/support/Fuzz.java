package io.swiftresponse.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generator of hostile input: mutated JSON bodies (broken, wrong types, unknown fields, nulls, deep
 * nesting, huge strings, odd numbers, unicode and control characters, random bytes), odd ids, query values,
 * methods and content types. The same seed gives the same requests, so a failure can be replayed.
 */
public final class Fuzz {

    /** A body and what was done to it. */
    public record Body(String kind, byte[] bytes) {
    }

    /** A JSON fragment written as is: numbers JSON has but Java does not, or plain garbage. */
    public record Raw(String text) {
    }

    private static final String[] ODD_TEXT = {"\u0000", "\u0001", "\u001f", "\u007f", "\u0085", "\u2028", "\u2029", "\u200b",
        "\u202e", "\ufeff", "\uffff", "\ud800", "\udfff", "\ud83d\ude00", "𠜎", "ﷺ", "\r\n", "\t", "\\", "\"", "'", "%", "_",
        "%00", "${x}", "<script>", "' or 1=1 --", "../", "NaN", "null", "表", "ä", "é", "\u0301"};
    private static final Raw[] ODD_NUMBERS = {new Raw("1e400"), new Raw("-1e400"), new Raw("99999999999999999999999999"),
        new Raw("-9223372036854775809"), new Raw("9223372036854775808"), new Raw("2147483648"), new Raw("-0"), new Raw("1.5"),
        new Raw("0.0000000000000000000001"), new Raw("1E2"), new Raw("-1"), new Raw("0"), new Raw("1" + "0".repeat(2000))};
    public static final String[] CONTENT_TYPES = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz", "multipart/form-data", "application/json; charset=UTF-16",
        "application/json; charset=nonexistent-charset", "application/json;charset=ISO-8859-1", "application/octet-stream",
        "*/*", "application/*", "garbage", "application/json; boundary=\"", "application/problem+json", "text/json",
        "application/merge-patch+json", "application/x-ndjson", "image/png"};
    public static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO", "PROPFIND",
        "CONNECTX", "M-SEARCH"};

    private final Random random;

    public Fuzz(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    public <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** Short text mixing ASCII, CJK, emoji, control and invisible characters. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(24);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(5)) {
                case 0 -> sb.append((char) (' ' + random.nextInt(95)));
                case 1 -> sb.append((char) (0x4e00 + random.nextInt(0x5000)));
                case 2 -> sb.append(pick(ODD_TEXT));
                case 3 -> sb.append((char) random.nextInt(0x20));
                default -> sb.append((char) ('a' + random.nextInt(26)));
            }
        }
        return sb.toString();
    }

    public String huge() {
        int n = 2_000 + random.nextInt(random.nextBoolean() ? 20_000 : 120_000);
        return (random.nextBoolean() ? "x" : "长").repeat(n);
    }

    /** A random JSON value of any type, a few levels deep. */
    public Object value(int depth) {
        int k = random.nextInt(depth <= 0 ? 6 : 8);
        return switch (k) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt(2000) - 1000;
            case 3 -> pick(ODD_NUMBERS);
            case 4, 5 -> text();
            case 6 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) list.add(value(depth - 1));
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) map.put(text(), value(depth - 1));
                yield map;
            }
        };
    }

    /** The template, broken in one of many ways; sometimes left valid, so some requests succeed. */
    public Body mutate(Map<String, Object> template) {
        Map<String, Object> m = new LinkedHashMap<>(template);
        List<String> keys = new ArrayList<>(m.keySet());
        String key = keys.isEmpty() ? "x" : pick(keys);
        int kind = random.nextInt(20);
        String json = switch (kind) {
            case 0 -> write(m);
            case 1 -> { String s = write(m); yield s.substring(0, random.nextInt(Math.max(1, s.length()))); }
            case 2 -> flip(write(m));
            case 3 -> { m.put(key, value(2)); yield write(m); }
            case 4 -> { m.put(text().isEmpty() ? "unknownField" : text(), value(1)); yield write(m); }
            case 5 -> { m.put(key, null); yield write(m); }
            case 6 -> pick(new String[] {"null", "[]", "\"text\"", "42", "true", "{}", "[{}]", "", " ", "\n"});
            case 7 -> { m.put(key, new Raw(nest(500 + random.nextInt(5000)))); yield write(m); }
            case 8 -> nest(500 + random.nextInt(20_000));
            case 9 -> { m.put(key, huge()); yield write(m); }
            case 10 -> { m.put(key, text()); yield write(m); }
            case 11 -> { m.put(key, pick(ODD_NUMBERS)); yield write(m); }
            case 12 -> "{" + write(key) + ":" + write(value(0)) + "," + write(m).substring(1);
            case 13 -> write(m).replace("\"", "'");
            case 14 -> write(m).replaceFirst("}$", ",}");
            case 15 -> "/* c */" + write(m);
            case 16 -> "\ufeff" + write(m);
            case 17 -> { m.replaceAll((k, v) -> value(1)); yield write(m); }
            case 18 -> { m.put(key, new Raw("\"" + (char) random.nextInt(0x20) + "\"")); yield write(m); }
            default -> null;
        };
        if (json == null) {
            byte[] bytes = new byte[random.nextInt(4096)];
            random.nextBytes(bytes);
            return new Body("random-bytes", bytes);
        }
        return new Body("mutation-" + kind, json.getBytes(StandardCharsets.UTF_8));
    }

    private String flip(String s) {
        if (s.isEmpty()) return "{";
        StringBuilder sb = new StringBuilder(s);
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, "{}[]:,\"\\ x0".charAt(random.nextInt(11)));
                default -> sb.setCharAt(at, (char) random.nextInt(0x80));
            }
            if (sb.isEmpty()) sb.append('[');
        }
        return sb.toString();
    }

    private String nest(int depth) {
        return random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** A path segment where an order id belongs: non-numeric, huge, negative, unicode, encoded junk. */
    public String badId() {
        return pick(new String[] {"abc", "1.5", "1e3", "0x1F", "-1", "0", "99999999999999999999999", "9223372036854775807",
            "-9223372036854775808", "%E4%B8%AD", "%F0%9F%98%80", "%20", "%2F", "%00", "%25", ";", "null", "undefined", "NaN",
            "%EF%BC%91", "1%0A", "'%20or%201=1", "%3Cscript%3E", "1,2", "+1", "%2B1", "%E4%B8", "%C0%AF", "..", "%2e%2e",
            "" + random.nextLong(), "" + random.nextInt()});
    }

    /** Request targets {@link java.net.URI} refuses or rewrites: malformed escapes, dot segments, raw UTF-8 bytes. */
    public static String[] unbuildableTargets(long id) {
        String utf8 = new String("中文".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        return new String[] {"/api/v1/orders/%zz", "/api/v1/orders/%", "/api/v1/orders/1%G0", "/api/v1/orders?state=%zz",
            "/api/v1/orders?size=%", "/api/v1/orders?%zz=1", "/api/v1/orders/" + id + "/../" + id, "//api/v1/orders",
            "/api/v1/./orders", "/api/v1/orders/" + id + "/history/..", "/api/v1/orders?state=RECEIVED&state=CLOSED",
            "/api/v1/orders/" + utf8, "/api/v1/orders?unitCode=" + utf8, "/api/v1/orders;jsessionid=abc", "/api/v1/orders/%2e%2e/orders",
            "/api/v1/orders?page=1&page=x", "/api/v1/directory/units?type=%", "/api/v1/orders/" + id + "/actions/%zz",
            "/api/v1/taxonomy/categories?level=%E4%B8", "/api/v1/orders/" + id + "%3B"};
    }

    /** A query value, percent-encoded: sometimes sensible, often not, sometimes not even UTF-8. */
    public String queryValue() {
        return switch (random.nextInt(7)) {
            case 0 -> encode(pick(new String[] {"RECEIVED", "IN_PROGRESS", "110101001", "010101", "0", "20", "200", "100000",
                "2024-01-01T00:00:00Z", "2024-01-01T00:00:00+08:00", "STREET", "2", "39.9", "116.4"}));
            case 1 -> encode(pick(ODD_NUMBERS).text());
            case 2 -> "x".repeat(random.nextInt(3000));
            case 3 -> pick(new String[] {"%E4%B8", "%C0%AF", "%FF%FE", "%ED%A0%80", "a%00b", "%F4%90%80%80"});
            default -> encode(text());
        };
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A new-order body that would mostly be accepted. */
    public Map<String, Object> orderTemplate() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", pick(new String[] {"PHONE", "WEB", "APP", "phone", "FAX"}));
        m.put("requestType", pick(new String[] {"COMPLAINT", "CONSULTATION", "SUGGESTION", "X"}));
        m.put("categoryCode", pick(new String[] {"010101", "01", "0101", "999999"}));
        m.put("title", "暖气不热");
        m.put("description", "家里暖气只有十五度");
        m.put("requester", ordered("name", "张先生", "phone", "13812345678", "confidential", chance(30)));
        m.put("location", ordered("address", "东华门街道", "streetCode", "110101001", "lat", 39.9, "lng", 116.4));
        m.put("flags", chance(50) ? List.of() : List.of("INSTABILITY_RISK"));
        if (chance(30)) m.remove(pick(new ArrayList<>(m.keySet())));
        return m;
    }

    /** A map in the order given (Map.of iterates in an order that changes from run to run, which a seed must not). */
    public static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    /** An action body with a random half of all action fields, plausibly filled. */
    public Map<String, Object> actionTemplate(List<Long> existing) {
        Map<String, Object> m = new LinkedHashMap<>();
        String[] fields = {"expectedVersion", "reason", "note", "text", "target", "primaryOrderId", "leadUnitCode", "coUnitCodes",
            "categoryCode", "days", "reached", "contacted", "solved", "satisfaction"};
        Object[] values = {random.nextInt(5), "理由", "说明", "答复", "119", pick(existing), "110101001",
            List.of("C04"), "010101", 3, true, true, "YES", "SATISFIED"};
        for (int i = 0; i < fields.length; i++) if (chance(50)) m.put(fields[i], values[i]);
        return m;
    }

    /** Compact JSON; strings escaped (control characters as \\u escapes), {@link Raw} written as is. */
    public static String write(Object v) {
        if (v == null) return "null";
        if (v instanceof Raw raw) return raw.text();
        if (v instanceof String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') sb.append('\\').append(c);
                else if (c < 0x20 || Character.isSurrogate(c)) sb.append(String.format("\\u%04x", (int) c));
                else sb.append(c);
            }
            return sb.append('"').toString();
        }
        if (v instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, x) -> parts.add(write(String.valueOf(k)) + ":" + write(x)));
            return "{" + String.join(",", parts) + "}";
        }
        if (v instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(Fuzz::write).toList()) + "]";
        }
        return String.valueOf(v);
    }
}
