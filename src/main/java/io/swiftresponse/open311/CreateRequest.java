package io.swiftresponse.open311;

import java.util.List;
import java.util.Map;

/** The form fields of {@code POST requests}, as strings, before validation. {@code attributes}: code → values. */
public record CreateRequest(String serviceCode, String lat, String lng, String addressString, String addressId,
        String email, String deviceId, String accountId, String firstName, String lastName, String phone,
        String description, String mediaUrl, Map<String, List<String>> attributes) {
}
