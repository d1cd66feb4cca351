package io.swiftresponse.open311;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of the Open311 endpoint ({@code swift.open311.*}): which categories are offered as services, the
 * request type new orders get, the default rate of new keys, FixMyStreet keyword flags per service, and the
 * texts of the discovery document.
 */
@Component
public class Open311Settings {

    private final List<String> servicePrefixes;
    private final String requestType;
    private final int defaultRatePerMinute;
    private final Map<String, String> serviceFlags;
    private final String contact;
    private final String keyService;
    private final String endpointType;

    Open311Settings(@Value("${swift.open311.services:}") String services,
            @Value("${swift.open311.request-type:HELP}") String requestType,
            @Value("${swift.open311.default-rate-per-minute:60}") int defaultRatePerMinute,
            @Value("#{${swift.open311.service-flags:{:}}}") Map<String, String> serviceFlags,
            @Value("${swift.open311.contact:12345 市民服务热线 / 12345 citizen service hotline}") String contact,
            @Value("${swift.open311.key-service:API keys are issued by the hotline's administrators (POST /api/v1/open311/keys).}") String keyService,
            @Value("${swift.open311.endpoint-type:production}") String endpointType) {
        this.servicePrefixes = Arrays.stream(services.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.requestType = requestType;
        this.defaultRatePerMinute = defaultRatePerMinute;
        this.serviceFlags = serviceFlags;
        this.contact = contact;
        this.keyService = keyService;
        this.endpointType = endpointType;
    }

    /** Empty: every dispatchable category is a service. */
    public List<String> servicePrefixes() {
        return servicePrefixes;
    }

    public String requestType() {
        return requestType;
    }

    public int defaultRatePerMinute() {
        return defaultRatePerMinute;
    }

    /** FixMyStreet flags ({@code private}, {@code staff}, {@code inactive}) by category code. */
    public String flagsOf(String categoryCode) {
        return serviceFlags.getOrDefault(categoryCode, "");
    }

    public String contact() {
        return contact;
    }

    public String keyService() {
        return keyService;
    }

    public String endpointType() {
        return endpointType;
    }
}
