package io.swiftresponse.bench.orders;

import static io.swiftresponse.bench.orders.Json.JSON;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** One realistic order as an agent would record it, and its JSON. */
final class Body {
    String channel;
    String requestType;
    String categoryCode;
    String dispatchCategory;
    String title;
    String description;
    String requesterName;
    String phone;
    boolean confidential;
    String address;
    Double lat;
    Double lng;
    String streetCode;
    List<String> flags = List.of();
    byte[] json;
    volatile Derived derived;
    volatile Written written;

    static List<Body> generate(Catalog cat, int n, long seed) {
        Random r = new Random(seed);
        Text text = new Text(r);
        List<Body> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Body b = new Body();
            Category c = cat.categories.get(r.nextInt(cat.categories.size()));
            Street street = cat.sampleStreets.get(r.nextInt(cat.sampleStreets.size()));
            b.channel = Text.weighted(r, new String[] {"PHONE", "WEB", "APP", "WECHAT", "EMAIL", "OPEN311", "OTHER"},
                    new int[] {70, 8, 8, 9, 2, 2, 1});
            b.requestType = Text.weighted(r, new String[] {"COMPLAINT", "HELP", "CONSULTATION", "REPORT", "SUGGESTION"},
                    new int[] {45, 25, 15, 10, 5});
            // most orders are classified at intake; some are left to the dispatcher
            b.categoryCode = r.nextInt(100) < 85 ? c.code() : null;
            b.dispatchCategory = c.code();
            String community = text.community();
            String place = street.name() + community;
            b.title = text.title(c, place);
            b.description = text.description(c, place, 50 + r.nextInt(351));
            int who = r.nextInt(100);
            b.requesterName = who < 8 ? null : text.name();
            b.phone = who < 5 ? null : who < 15 ? text.landline() : text.mobile();
            b.confidential = r.nextInt(100) < 6;
            b.address = text.address(street, community);
            int loc = r.nextInt(100);
            if (loc < 65) {
                b.streetCode = street.code();
            } else if (loc < 85 && street.lat() != null) {
                b.lat = street.lat();
                b.lng = street.lng();
            } else if (loc < 90) {
                // a point somewhere in the city, in some street or none
                b.lat = round6(39.70 + r.nextDouble() * 0.6);
                b.lng = round6(116.10 + r.nextDouble() * 0.6);
            } // else: address only; the dispatcher places it
            int f = r.nextInt(100);
            b.flags = f < 2 ? List.of("INSTABILITY_RISK") : f < 10 ? List.of("SPECIAL_POPULATION")
                    : f < 12 ? List.of("MONTHLY_TOPIC") : List.of();
            b.json = b.toJson();
            out.add(b);
        }
        return out;
    }

    private static double round6(double d) {
        return Math.round(d * 1e6) / 1e6;
    }

    byte[] toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", channel);
        m.put("requestType", requestType);
        if (categoryCode != null) {
            m.put("categoryCode", categoryCode);
        }
        m.put("title", title);
        m.put("description", description);
        Map<String, Object> req = new LinkedHashMap<>();
        if (requesterName != null) req.put("name", requesterName);
        if (phone != null) req.put("phone", phone);
        if (confidential) req.put("confidential", true);
        if (!req.isEmpty()) {
            m.put("requester", req);
        }
        Map<String, Object> loc = new LinkedHashMap<>();
        loc.put("address", address);
        if (lat != null) {
            loc.put("lat", lat);
            loc.put("lng", lng);
        }
        if (streetCode != null) loc.put("streetCode", streetCode);
        m.put("location", loc);
        if (!flags.isEmpty()) {
            m.put("flags", flags);
        }
        return JSON.writeValueAsBytes(m);
    }
}
