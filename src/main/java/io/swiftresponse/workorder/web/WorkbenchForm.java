package io.swiftresponse.workorder.web;

import io.swiftresponse.workorder.Channel;
import java.util.List;

/**
 * What the agent types during a call, as posted by the workbench form. {@code mode} says what happens right
 * after recording: {@code record} (stays RECEIVED), {@code answer} (answered on the spot, closed),
 * {@code submit} (to the dispatch queue) or {@code dispatch} (straight to {@code leadUnitCode}).
 * {@code suggestionId} is the intake suggestion the agent saw and {@code answerArticleId} the knowledge article
 * chosen to answer with: both are handed to the order page, whose script reports them to their modules
 * (workorder may not call intake or knowledge: they depend on it).
 */
record WorkbenchForm(String phone, String name, Boolean confidential, String requestType, String title, String description,
        String categoryCode, String address, Double lat, Double lng, String streetCode, String mode, String answer,
        String leadUnitCode, String suggestionId, Long answerArticleId) {

    static WorkbenchForm empty() {
        return new WorkbenchForm(null, null, false, "HELP", null, null, null, null, null, null, null, "submit", null, null, null, null);
    }

    NewOrderRequest toRequest() {
        boolean hasRequester = notBlank(phone) || notBlank(name);
        boolean hasPlace = notBlank(address) || lat != null || lng != null || notBlank(streetCode);
        return new NewOrderRequest(Channel.PHONE, requestType, categoryCode, title, description,
                hasRequester ? new NewOrderRequest.RequesterBody(name, blankToNull(phone), confidential) : null,
                hasPlace ? new NewOrderRequest.LocationBody(address, lat, lng, streetCode) : null, List.of());
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return notBlank(s) ? s.strip() : null;
    }
}
