package io.swiftresponse.workorder.web;

import io.swiftresponse.workorder.Channel;
import io.swiftresponse.workorder.NewOrder;
import io.swiftresponse.workorder.OrderFlag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/v1/orders}. */
record NewOrderRequest(
        @NotNull Channel channel,
        @NotBlank @Size(max = 16) String requestType,
        @Size(max = 16) String categoryCode,
        @NotBlank @Size(max = 100) String title,
        @NotBlank @Size(max = 5000) String description,
        @Valid RequesterBody requester,
        @Valid LocationBody location,
        @Size(max = 4) List<@NotNull OrderFlag> flags) {

    record RequesterBody(
            @Size(max = 50) String name,
            @Pattern(regexp = PHONE, message = "must be a mainland mobile (11 digits starting with 1) or a landline like 010-12345678")
            String phone,
            Boolean confidential) {
    }

    record LocationBody(
            @Size(max = 200) String address,
            @DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lng,
            @Size(max = 32) String streetCode) {
    }

    static final String PHONE = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}|\\d{7,8}";

    NewOrder toCommand() {
        return new NewOrder(channel, requestType, blankToNull(categoryCode), title.strip(), description.strip(),
                requester == null ? null : new NewOrder.Requester(blankToNull(requester.name()), blankToNull(requester.phone()),
                        Boolean.TRUE.equals(requester.confidential())),
                location == null ? null : new NewOrder.Location(blankToNull(location.address()), location.lat(), location.lng(),
                        blankToNull(location.streetCode())),
                flags == null ? List.of() : flags.stream().distinct().toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
