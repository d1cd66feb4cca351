package io.swiftresponse.open311;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.GeoPoint;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.Role;
import io.swiftresponse.workorder.Channel;
import io.swiftresponse.workorder.NewOrder;
import io.swiftresponse.workorder.OrderView;
import io.swiftresponse.workorder.WorkOrders;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST requests}: validates the form against the specification and the service definition, then records a
 * work order through the work-order façade, on the key's channel, acting as the key (an intake role, like an
 * agent typing it in), so it enters the same triage and dispatch as every other order.
 */
@Service
public class RequestIntake {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HTML = Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^>]*>");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,19}");

    private final ServiceCatalog catalog;
    private final WorkOrders workOrders;
    private final Directory directory;
    private final Expectations expectations;
    private final Open311Settings settings;
    private final JdbcClient jdbc;
    private final Clock clock;

    RequestIntake(ServiceCatalog catalog, WorkOrders workOrders, Directory directory, Expectations expectations,
            Open311Settings settings, JdbcClient jdbc, Clock clock) {
        this.catalog = catalog;
        this.workOrders = workOrders;
        this.directory = directory;
        this.expectations = expectations;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Created(String serviceRequestId, String token, String serviceNotice, String accountId) {
    }

    @Transactional
    public Created create(CreateRequest r, ApiKey key, Jurisdiction jurisdiction) {
        if (blank(r.serviceCode())) throw Open311Exception.badRequest("service_code is required.");
        Open311Service service = catalog.service(r.serviceCode())
                .orElseThrow(() -> Open311Exception.notFound("Unknown service_code; GET services lists the codes."));
        Double lat = coordinate(r.lat(), "lat", 90);
        Double lng = coordinate(r.lng(), "long", 180);
        if ((lat == null) != (lng == null)) throw Open311Exception.badRequest("Give both lat and long, or neither.");
        String address = limited(r.addressString(), "address_string", 200);
        String addressId = limited(r.addressId(), "address_id", 100);
        if (lat == null && address == null && addressId == null) {
            throw Open311Exception.badRequest("A location is required: lat and long, address_string or address_id.");
        }
        String description = limited(r.description(), "description", 4000);
        if (description != null && HTML.matcher(description).find()) {
            throw Open311Exception.badRequest("description must be plain text, without HTML.");
        }
        String mediaUrl = limited(r.mediaUrl(), "media_url", 2000);
        if (mediaUrl != null && !(mediaUrl.startsWith("https://") || mediaUrl.startsWith("http://"))) {
            throw Open311Exception.badRequest("media_url must be an http or https URL.");
        }
        String phone = limited(r.phone(), "phone", 20);
        if (phone != null && !PHONE.matcher(phone).matches()) throw Open311Exception.badRequest("phone is not a phone number.");
        limited(r.email(), "email", 200);
        limited(r.deviceId(), "device_id", 100);
        String accountId = limited(r.accountId(), "account_id", 100);
        String name = join(limited(r.firstName(), "first_name", 50), limited(r.lastName(), "last_name", 50));
        if (name != null && name.length() > 50) throw Open311Exception.badRequest("first_name and last_name together exceed 50 characters.");
        Map<String, Object> attributes = AttributeValidator.validate(r.attributes(), service.questions());

        String streetCode = null;
        if (lat != null) {
            Unit street = directory.locate(new GeoPoint(lat, lng)).orElse(null);
            if (street != null && !jurisdiction.covers(street.parentCode())) {
                throw Open311Exception.badRequest("lat/long lie outside jurisdiction " + jurisdiction.id() + ".");
            }
            streetCode = street == null ? null : street.code();
        }
        String text = AttributeAnswers.appendTo(description != null ? description : service.name(), attributes, service.questions(),
                mediaUrl);
        NewOrder order = new NewOrder(Channel.valueOf(key.channel()), settings.requestType(), service.code(),
                title(service.name(), description), text,
                name == null && phone == null ? null : new NewOrder.Requester(name, phone, false),
                new NewOrder.Location(address, lat, lng, streetCode), List.of());
        OrderView view = workOrders.record(order, new CurrentUser(key.actorName(), Role.AGENT, null, null));
        String notice = expectations.notice(view);
        String token = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into open311_request (order_id, jurisdiction_id, key_id, token, service_notice, media_url, lat, lng,
                    address_string, address_id, attributes, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(view.id(), jurisdiction.id(), key.id(), token, notice, mediaUrl, lat, lng, address, addressId,
                        JSON.writeValueAsString(attributes), Timestamp.from(clock.instant()))
                .update();
        return new Created(String.valueOf(view.id()), token, notice, accountId);
    }

    private static String title(String serviceName, String description) {
        String t = description == null ? serviceName : serviceName + "：" + description.strip().replaceAll("\\s+", " ");
        return t.length() > 100 ? t.substring(0, 99) + "…" : t;
    }

    private static Double coordinate(String value, String field, double max) {
        if (blank(value)) return null;
        try {
            double d = Double.parseDouble(value.trim());
            if (Double.isFinite(d) && Math.abs(d) <= max) return d;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Open311Exception.badRequest(field + " must be a decimal number of degrees between -" + (int) max + " and " + (int) max + ".");
    }

    private static String limited(String value, String field, int max) {
        if (blank(value)) return null;
        String v = value.strip();
        if (v.length() > max) throw Open311Exception.badRequest(field + " is longer than " + max + " characters.");
        return v;
    }

    private static String join(String first, String last) {
        if (first == null) return last;
        return last == null ? first : first + " " + last;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
