package io.swiftresponse.open311.web;

import io.swiftresponse.open311.ApiKey;
import io.swiftresponse.open311.ApiKeys;
import io.swiftresponse.open311.Jurisdiction;
import io.swiftresponse.open311.Jurisdictions;
import io.swiftresponse.open311.Open311Exception;
import io.swiftresponse.shared.web.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * One Open311 call from start to end: the format from the extension, the API key (403, 429), the jurisdiction
 * (404), the answer or an {@code errors} document in the requested format, and the log line of every call that
 * presented a key. Every failure, including an unexpected one, leaves as an Open311 errors document.
 */
@Component
class Calls {

    /** Set on requests this controller answered, so the error filter leaves their body alone. */
    static final String RENDERED = Calls.class.getName() + ".rendered";

    private static final Logger log = LoggerFactory.getLogger(Calls.class);

    private final ApiKeys keys;
    private final Jurisdictions jurisdictions;
    private final ZoneId zone;
    private final String baseUrl;

    Calls(ApiKeys keys, Jurisdictions jurisdictions, Clock clock, @Value("${swift.open311.base-url:}") String baseUrl) {
        this.keys = keys;
        this.jurisdictions = jurisdictions;
        this.zone = clock.getZone();
        this.baseUrl = baseUrl;
    }

    /** What a handler needs: the resource name without extension, the checked key and jurisdiction, the parameters. */
    record Call(String name, Format format, ApiKey key, Jurisdiction jurisdiction, Params params, String baseUrl) {
    }

    ResponseEntity<byte[]> handle(String file, HttpServletRequest http, boolean keyRequired, Function<Call, Doc> handler) {
        http.setAttribute(RENDERED, true);
        Format.Named named = Format.parse(file);
        Format format = named == null ? Format.ofPath(file) : named.format();
        Params params = new Params(http, zone);
        String presented = null;
        ApiKey key = null;
        int status = 200;
        try {
            if (named == null) {
                throw Open311Exception.badRequest("Add the format to the path: .xml or .json.");
            }
            presented = params.get("api_key");
            if (presented != null || keyRequired) {
                key = keys.authenticate(presented);
            }
            Jurisdiction jurisdiction = jurisdiction(params.get("jurisdiction_id"), key);
            Doc doc = handler.apply(new Call(named.name(), format, key, jurisdiction, params, base(http)));
            return render(200, doc, format, 0);
        } catch (Open311Exception e) {
            status = e.status();
            return render(e.status(), Documents.errors(e.status(), e.getMessage()), format, e.retryAfterSeconds());
        } catch (Problem p) {
            // the work-order façade speaks problem details; an Open311 client gets the same facts in its format
            status = p.status().value() == 404 ? 404 : p.status().value() == 403 ? 403 : 400;
            return render(status, Documents.errors(status, p.getMessage()), format, 0);
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            log.error("Open311 call failed, reference {}", reference, e);
            status = 500;
            return render(500, Documents.errors(500, "Something went wrong on our side; nothing was changed. Reference "
                    + reference + "."), format, 0);
        } finally {
            if (presented != null || keyRequired) {
                logUse(presented, key, http, status);
            }
        }
    }

    private Jurisdiction jurisdiction(String id, ApiKey key) {
        if (key == null) return jurisdictions.resolve(id);
        Jurisdiction j = jurisdictions.resolve(id == null ? key.jurisdictionId() : id);
        if (!j.id().equals(key.jurisdictionId())) {
            throw Open311Exception.forbidden("This api_key is not valid for jurisdiction " + j.id() + ".");
        }
        return j;
    }

    private void logUse(String presented, ApiKey key, HttpServletRequest http, int status) {
        try {
            keys.logUse(presented, key == null ? null : key.id(), http.getMethod(), http.getRequestURI(), status);
        } catch (RuntimeException e) {
            log.warn("Could not log the use of an Open311 key", e);
        }
    }

    private String base(HttpServletRequest http) {
        if (!baseUrl.isBlank()) return baseUrl;
        return http.getScheme() + "://" + http.getServerName() + ":" + http.getServerPort() + http.getContextPath() + "/open311/v2";
    }

    static ResponseEntity<byte[]> render(int status, Doc doc, Format format, long retryAfterSeconds) {
        ResponseEntity.BodyBuilder b = ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, format.contentType);
        if (retryAfterSeconds > 0) b.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        return b.body(DocWriter.write(doc, format));
    }
}
