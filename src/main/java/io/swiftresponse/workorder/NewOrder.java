package io.swiftresponse.workorder;

import java.util.List;

/** What an agent records (already checked for shape by the web layer; codes are checked by the façade). */
public record NewOrder(Channel channel, String requestType, String categoryCode, String title, String description,
        Requester requester, Location location, List<OrderFlag> flags) {

    /** 诉求人. A confidential requester is hidden from handling units entirely. */
    public record Requester(String name, String phone, boolean confidential) {
    }

    public record Location(String address, Double lat, Double lng, String streetCode) {
    }
}
