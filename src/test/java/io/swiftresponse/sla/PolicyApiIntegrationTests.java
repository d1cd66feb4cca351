package io.swiftresponse.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import io.swiftresponse.support.Orders;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Time-limit policies as versioned, validated data that explains itself. */
@IntegrationTest
class PolicyApiIntegrationTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void defaultPoliciesCoverEveryTierAndExplainThemselves() {
        JsonNode policies = api.get("agent1", "/api/v1/sla/policies").json();
        assertThat(policies.valueStream().map(p -> p.path("tierCode").asString()))
                .contains("URGENT", "UTILITY", "GENERAL", "COMPLEX");
        JsonNode explained = api.get("agent1", "/api/v1/sla/policies/explain?categoryCode=010101").json();
        assertThat(explained.path("policy").path("tierCode").asString()).isEqualTo("UTILITY");
        assertThat(explained.path("why").asString()).contains("tier's policy");
        assertThat(explained.path("policy").path("limits").path("REPLY").path("amount").asInt()).isEqualTo(24);
    }

    @Test
    void aNewCategoryPolicyAppliesToOrdersRecordedFromThenOnOnly() {
        String category = Categories.lastOfTier(api, "COMPLEX");
        Orders orders = new Orders(api);
        Map<String, Object> body = new HashMap<>(Map.of("channel", "PHONE", "requestType", "COMPLAINT", "categoryCode", category,
                "title", "历史遗留问题", "description", "小区房产证多年未办下来"));
        long older = api.post("agent1", "/api/v1/orders", Api.json(body)).id();

        Api.Response created = api.post("admin", "/api/v1/sla/policies", Api.json(policy("COMPLEX", category, today(), 5)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long policyId = created.id();

        long newer = api.post("agent1", "/api/v1/orders", Api.json(body)).id();
        orders.must("dispatcher1", older, "dispatch", Map.of("leadUnitCode", Orders.STREET));
        orders.must("dispatcher1", newer, "dispatch", Map.of("leadUnitCode", Orders.STREET));
        assertThat(reply(older).path("basis").asString()).contains("REPLY: 15 working days").doesNotContain("#" + policyId + " ");
        assertThat(reply(newer).path("basis").asString()).contains("REPLY: 5 working days", "policy #" + policyId);
        JsonNode explained = api.get("agent1", "/api/v1/sla/policies/explain?categoryCode=" + category).json();
        assertThat(explained.path("why").asString()).contains("category's own policy");
    }

    @Test
    void invalidPoliciesAreRefusedNamingTheField() {
        int before = api.get("admin", "/api/v1/sla/policies").json().size();
        Map<String, Object> past = policy("GENERAL", null, today().minusDays(1), 7);
        assertThat(api.post("admin", "/api/v1/sla/policies", Api.json(past)).text("field")).isEqualTo("effectiveFrom");
        Map<String, Object> unknownTier = policy("NOPE", null, today().plusDays(30), 7);
        assertThat(api.post("admin", "/api/v1/sla/policies", Api.json(unknownTier)).text("field")).isEqualTo("tierCode");
        Map<String, Object> missingClock = policy("GENERAL", null, today().plusDays(30), 7);
        @SuppressWarnings("unchecked")
        Map<String, Object> limits = new HashMap<>((Map<String, Object>) missingClock.get("limits"));
        limits.remove("CALLBACK");
        missingClock.put("limits", limits);
        assertThat(api.post("admin", "/api/v1/sla/policies", Api.json(missingClock)).text("field")).isEqualTo("limits.CALLBACK");
        Map<String, Object> badEvent = policy("GENERAL", null, today().plusDays(30), 7);
        badEvent.put("limits", Map.of("DISPATCH", limit(24, "HOURS", "explode"), "SIGN", limit(1, "HOURS", "dispatch"),
                "CONTACT", limit(1, "HOURS", "dispatch"), "REPLY", limit(1, "HOURS", "dispatch"),
                "CALLBACK", limit(1, "HOURS", "approve-reply")));
        assertThat(api.post("admin", "/api/v1/sla/policies", Api.json(badEvent)).text("field")).isEqualTo("limits.DISPATCH.startsOn");
        Api.Response asAgent = api.post("agent1", "/api/v1/sla/policies", Api.json(policy("GENERAL", null, today().plusDays(30), 7)));
        assertThat(asAgent.status()).isEqualTo(403);
        assertThat(api.get("admin", "/api/v1/sla/policies").json().size()).isEqualTo(before);
    }

    private JsonNode reply(long id) {
        return DeadlineIntegrationTests.clock(api.get("supervisor1", "/api/v1/orders/" + id).json(), "REPLY");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private static Map<String, Object> policy(String tier, String category, LocalDate from, int replyDays) {
        Map<String, Object> p = new HashMap<>();
        p.put("tierCode", tier);
        if (category != null) p.put("categoryCode", category);
        p.put("effectiveFrom", from.toString());
        p.put("note", "test policy");
        p.put("limits", Map.of(
                "DISPATCH", limit(24, "HOURS", "record", "reopen", "approve-return"),
                "SIGN", limit(24, "HOURS", "dispatch"),
                "CONTACT", limit(1, "WORKING_DAYS", "dispatch"),
                "REPLY", limit(replyDays, "WORKING_DAYS", "dispatch"),
                "CALLBACK", limit(2, "WORKING_DAYS", "approve-reply")));
        return p;
    }

    private static Map<String, Object> limit(int amount, String unit, String... startsOn) {
        return Map.of("amount", amount, "unit", unit, "startsOn", List.of(startsOn));
    }
}
