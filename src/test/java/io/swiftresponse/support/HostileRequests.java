package io.swiftresponse.support;

import io.swiftresponse.support.RawHttp.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made hostile requests for the cases a random generator rarely hits. */
public final class HostileRequests {

    private static final String NUL = "a" + (char) 0 + "b";

    private HostileRequests() {
    }

    /** A NUL character, which PostgreSQL cannot store, in every free-text field and in query parameters (all 400). */
    public static List<Request> nulInEveryTextField(long receivedOrderId) {
        List<Request> all = new ArrayList<>();
        for (String[] field : new String[][] {{"title"}, {"description"}, {"requester", "name"}, {"location", "address"}}) {
            Map<String, Object> body = Fuzz.ordered("channel", "PHONE", "requestType", "COMPLAINT", "title", "t", "description", "d",
                    "requester", Fuzz.ordered("name", "n", "phone", "13812345678"), "location", Fuzz.ordered("address", "x"));
            @SuppressWarnings("unchecked")
            Map<String, Object> target = field.length == 1 ? body : (Map<String, Object>) body.get(field[0]);
            target.put(field[field.length - 1], NUL);
            all.add(Request.of("NUL in " + String.join(".", field), "POST", "/api/v1/orders").auth("agent1", "demo")
                    .body(Fuzz.write(body), "application/json"));
        }
        String order = "/api/v1/orders/" + receivedOrderId;
        for (String[] action : new String[][] {{"refer", "reason"}, {"answer", "text"}, {"submit", "note"}}) {
            all.add(Request.of("NUL in " + action[0] + "." + action[1], "POST", order + "/actions/" + action[0])
                    .auth("agent1", "demo").body(Fuzz.write(Fuzz.ordered(action[1], NUL)), "application/json"));
        }
        all.add(Request.of("NUL in purpose", "POST", order + "/requester/reveal").auth("agent1", "demo")
                .body(Fuzz.write(Fuzz.ordered("purpose", NUL)), "application/json"));
        for (String query : new String[] {"categoryCode=a%00b", "unitCode=%00", "state=%00"}) {
            all.add(Request.of("NUL in " + query, "GET", "/api/v1/orders?" + query).auth("supervisor1", "demo"));
        }
        all.add(Request.of("NUL in parentCode", "GET", "/api/v1/directory/units?parentCode=%00").auth("agent1", "demo"));
        return all;
    }

    /** Unpaired UTF-16 surrogates (JSON escapes) in values and names that problem details echo back (all 400). */
    public static List<Request> loneSurrogates() {
        List<Request> all = new ArrayList<>();
        for (String json : new String[] {"{\"channel\":\"PHONE\",\"requestType\":\"\\ud800\",\"title\":\"t\",\"description\":\"d\"}",
            "{\"\\udfff\":1}", "{\"channel\":\"PHONE\",\"requestType\":\"COMPLAINT\",\"categoryCode\":\"\\ud83d\",\"title\":\"t\",\"description\":\"d\"}"}) {
            all.add(Request.of("lone surrogate", "POST", "/api/v1/orders").auth("agent1", "demo").body(json, "application/json"));
        }
        return all;
    }
}
