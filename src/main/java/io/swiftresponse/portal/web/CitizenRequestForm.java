package io.swiftresponse.portal.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a citizen submits on the portal; checked on the server whatever the browser did. */
record CitizenRequestForm(
        @NotBlank @Pattern(regexp = "CONSULTATION|HELP|COMPLAINT|REPORT|SUGGESTION") String requestType,
        @NotBlank @Size(max = 100) String title,
        @NotBlank @Size(max = 5000) String description,
        @Size(max = 200) String address,
        @DecimalMin("-90") @DecimalMax("90") Double lat,
        @DecimalMin("-180") @DecimalMax("180") Double lng,
        @Size(max = 50) String name,
        @NotBlank @Pattern(regexp = "1[3-9]\\d{9}", message = "must be a mainland mobile number (11 digits)") String phone,
        Boolean consent) {

    static CitizenRequestForm empty() {
        return new CitizenRequestForm("COMPLAINT", null, null, null, null, null, null, null, false);
    }

    @AssertTrue(message = "please accept the privacy notice")
    boolean isConsentGiven() {
        return Boolean.TRUE.equals(consent);
    }

    @AssertTrue(message = "give an address or place a pin on the map")
    boolean isPlaceGiven() {
        return (address != null && !address.isBlank()) || (lat != null && lng != null);
    }
}
