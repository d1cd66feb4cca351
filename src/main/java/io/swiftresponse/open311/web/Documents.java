package io.swiftresponse.open311.web;

import io.swiftresponse.open311.Open311Service;
import io.swiftresponse.open311.PublicRequest;
import io.swiftresponse.open311.Question;
import io.swiftresponse.open311.RequestIntake;
import io.swiftresponse.open311.RequestUpdates;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Our records as Open311 documents: element names, nesting and order exactly as in the specification. */
final class Documents {

    /** ISO 8601 with the offset always written out (never {@code Z}), to the second. */
    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final ZoneId zone;

    Documents(ZoneId zone) {
        this.zone = zone;
    }

    String datetime(Instant at) {
        return at == null ? null : W3C.format(at.atZone(zone));
    }

    static Doc errors(int code, String description) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("description", description);
        return Doc.list("errors", "error", List.of(e));
    }

    Doc services(List<Open311Service> services) {
        return Doc.list("services", "service", services.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service_code", s.code());
            m.put("service_name", s.name());
            m.put("description", s.description());
            m.put("metadata", s.hasMetadata());
            m.put("type", "realtime");
            m.put("keywords", s.keywords());
            m.put("group", s.group());
            m.put("groups", new Doc.Many("group", List.of(s.group())));
            return m;
        }).toList());
    }

    Doc definition(Open311Service s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_code", s.code());
        m.put("attributes", new Doc.Many("attribute", s.questions().stream().map(Documents::attribute).toList()));
        return Doc.object("service_definition", m);
    }

    private static Map<String, Object> attribute(Question q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variable", q.variable());
        m.put("code", q.code());
        m.put("datatype", q.datatype());
        m.put("required", q.required());
        m.put("datatype_description", q.datatypeDescription());
        m.put("order", q.order());
        m.put("description", q.description());
        m.put("values", new Doc.Many("value", q.values().stream().map(v -> {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("key", v.key());
            value.put("name", v.name());
            return value;
        }).toList()));
        return m;
    }

    static Doc created(RequestIntake.Created c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", c.serviceRequestId());
        m.put("token", c.token());
        m.put("service_notice", c.serviceNotice());
        m.put("account_id", c.accountId());
        return Doc.list("service_requests", "request", List.of(m));
    }

    static Doc token(String token, String serviceRequestId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", serviceRequestId);
        m.put("token", token);
        return Doc.list("service_requests", "request", List.of(m));
    }

    Doc requests(List<PublicRequest> requests, boolean extensions) {
        return Doc.list("service_requests", "request", requests.stream().map(r -> request(r, extensions)).toList());
    }

    private Map<String, Object> request(PublicRequest r, boolean extensions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", r.serviceRequestId());
        m.put("status", r.status());
        m.put("status_notes", r.statusNotes());
        m.put("service_name", r.serviceName());
        m.put("service_code", r.serviceCode());
        m.put("description", r.description());
        m.put("agency_responsible", r.agencyResponsible());
        m.put("service_notice", r.serviceNotice());
        m.put("requested_datetime", datetime(r.requestedAt()));
        m.put("updated_datetime", datetime(r.updatedAt()));
        m.put("expected_datetime", datetime(r.expectedAt()));
        m.put("address", r.address());
        m.put("address_id", r.addressId());
        m.put("zipcode", null);
        m.put("lat", r.lat());
        m.put("long", r.lng());
        m.put("media_url", r.mediaUrl());
        if (extensions) {
            m.put("extended_attributes", r.extendedAttributes());
            m.put("notes", new Doc.Many("note", r.notes().stream().map(n -> {
                Map<String, Object> note = new LinkedHashMap<>();
                note.put("datetime", datetime(n.at()));
                note.put("description", n.description());
                note.put("type", n.type());
                return note;
            }).toList()));
        }
        return m;
    }

    Doc updates(List<RequestUpdates.Update> updates) {
        return Doc.list("service_requests_updates", "request_update", updates.stream().map(u -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("update_id", u.updateId());
            m.put("service_request_id", u.serviceRequestId());
            m.put("status", u.status());
            m.put("updated_datetime", datetime(u.updatedAt()));
            m.put("description", u.description());
            m.put("media_url", null);
            m.put("external_status_code", u.externalStatusCode());
            return m;
        }).toList());
    }

    static Doc updatePosted(String updateId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("update_id", updateId);
        return Doc.list("service_request_updates", "request_update", List.of(m));
    }

    Doc discovery(String changeset, String contact, String keyService, String url, String type) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", url);
        endpoint.put("changeset", changeset);
        endpoint.put("type", type);
        endpoint.put("formats", new Doc.Many("format", List.of("text/xml", "application/json")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("changeset", changeset);
        m.put("contact", contact);
        m.put("key_service", keyService);
        m.put("endpoints", new Doc.Many("endpoint", List.of(endpoint)));
        return Doc.object("discovery", m);
    }
}
