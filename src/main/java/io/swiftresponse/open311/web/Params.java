package io.swiftresponse.open311.web;

import io.swiftresponse.open311.Open311Exception;
import io.swiftresponse.open311.RequestQuery;
import io.swiftresponse.workorder.WorkOrderState;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and checks the parameters of one Open311 call; an empty parameter is the same as an absent one. */
final class Params {

    static final Duration MAX_WINDOW = Duration.ofDays(90);
    static final int MAX_ROWS = 1000;
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]{1,64})\\](\\[\\])?");

    private final HttpServletRequest request;
    private final ZoneId zone;

    Params(HttpServletRequest request, ZoneId zone) {
        this.request = request;
        this.zone = zone;
    }

    /** The first value, trimmed; {@code null} when absent or empty; 400 when absurdly long. */
    String get(String name) {
        String v = request.getParameter(name);
        if (v == null || v.isBlank()) return null;
        if (v.length() > 20_000) throw Open311Exception.badRequest(name + " is too long.");
        return v.trim();
    }

    /** {@code attribute[CODE]=v} and {@code attribute[CODE][]=v}, by code. */
    Map<String, List<String>> attributes() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.startsWith("attribute")) return;
            Matcher m = ATTRIBUTE.matcher(name);
            if (!m.matches()) throw Open311Exception.badRequest("Attributes are sent as attribute[CODE]=value or attribute[CODE][]=value.");
            attributes.computeIfAbsent(m.group(1), k -> new ArrayList<>()).addAll(Arrays.asList(values));
        });
        return attributes;
    }

    Instant datetime(String name) {
        String v = get(name);
        if (v == null) return null;
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(v).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException e3) {
                    throw Open311Exception.badRequest(name + " must be an ISO 8601 datetime, e.g. 2026-11-29T10:00:00+08:00.");
                }
            }
        }
    }

    int number(String name, int fallback, int min, int max) {
        String v = get(name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Open311Exception.badRequest(name + " must be a whole number from " + min + " to " + max + ".");
    }

    List<String> list(String name) {
        String v = get(name);
        if (v == null) return null;
        List<String> items = Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (items.size() > MAX_ROWS) throw Open311Exception.badRequest(name + " lists more than " + MAX_ROWS + " values.");
        return items.isEmpty() ? null : items;
    }

    /** The filters of {@code GET requests}; the default window is the last 90 days when no time filter is given. */
    RequestQuery query(Instant now, List<String> offeredServices) {
        List<String> idTexts = list("service_request_id");
        List<Long> ids = null;
        if (idTexts != null) {
            ids = new ArrayList<>();
            for (String id : idTexts) {
                if (!id.matches("[0-9]{1,18}")) throw Open311Exception.badRequest("service_request_id must be a comma-separated list of ids.");
                ids.add(Long.parseLong(id));
            }
        }
        List<String> services = list("service_code");
        if (services != null) {
            for (String s : services) {
                if (!offeredServices.contains(s)) throw Open311Exception.notFound("Unknown service_code in service_code.");
            }
        }
        Instant start = datetime("start_date");
        Instant end = datetime("end_date");
        Instant updatedAfter = datetime("updated_after");
        Instant updatedBefore = datetime("updated_before");
        if (start != null && end != null && end.isBefore(start)) throw Open311Exception.badRequest("end_date is before start_date.");
        if (updatedAfter != null && updatedBefore != null && updatedBefore.isBefore(updatedAfter)) {
            throw Open311Exception.badRequest("updated_before is before updated_after.");
        }
        if (start != null && end != null && Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw Open311Exception.badRequest("start_date and end_date may be at most 90 days apart.");
        }
        // end_date and updated_before name the last moment to include; datetimes are shown to the second
        if (end != null) end = end.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        if (updatedBefore != null) updatedBefore = updatedBefore.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        if (start != null && end == null) end = start.plus(MAX_WINDOW);
        if (end != null && start == null) start = end.minus(MAX_WINDOW);
        if (start == null && updatedAfter == null && updatedBefore == null) {
            end = now.plusSeconds(1);
            start = now.minus(MAX_WINDOW);
        }
        Set<WorkOrderState> states = null;
        List<String> statuses = list("status");
        if (statuses != null) {
            states = EnumSet.noneOf(WorkOrderState.class);
            for (String s : statuses) {
                switch (s.toLowerCase(java.util.Locale.ROOT)) {
                    case "open" -> Arrays.stream(WorkOrderState.values()).filter(x -> !x.terminal()).forEach(states::add);
                    case "closed" -> Arrays.stream(WorkOrderState.values()).filter(WorkOrderState::terminal).forEach(states::add);
                    default -> throw Open311Exception.badRequest("status must be open, closed, or both separated by a comma.");
                }
            }
        }
        int page = number("page", 1, 1, 1_000_000);
        int pageSize = number("page_size", MAX_ROWS, 1, MAX_ROWS);
        return new RequestQuery(ids, services, start, end, states, updatedAfter, updatedBefore, page, pageSize);
    }
}
