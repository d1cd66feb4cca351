package io.swiftresponse.open311;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.support.Api;
import io.swiftresponse.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Key administration: admins only, the secret shown once and stored hashed, every use logged, revocation. */
@IntegrationTest
class Open311KeysIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyAdminsManageKeys() {
        Api api = new Api(port);
        String body = Api.json(java.util.Map.of("label", "x", "channel", "APP"));
        for (String user : new String[] {"agent1", "dispatcher1", "supervisor1", "analyst1", "handler-110101001"}) {
            assertThat(api.post(user, "/api/v1/open311/keys", body).status()).as(user).isEqualTo(403);
            assertThat(api.get(user, "/api/v1/open311/keys").status()).as(user).isEqualTo(403);
        }
        assertThat(api.post(null, "/api/v1/open311/keys", body).status()).isEqualTo(401);
    }

    @Test
    void issuedKeyIsShownOnceStoredHashedAndEveryUseLogged() {
        Open311Client client = new Open311Client(port);
        Api api = client.api();
        Api.Response issued = api.post("admin", "/api/v1/open311/keys",
                Api.json(java.util.Map.of("label", "微信小程序", "channel", "WECHAT", "ratePerMinute", 100)));
        assertThat(issued.status()).isEqualTo(201);
        String key = issued.json().path("apiKey").asString();
        long id = issued.json().path("key").path("id").asLong();
        assertThat(key).hasSize(43);
        assertThat(issued.json().path("key").path("label").asString()).isEqualTo("微信小程序");
        assertThat(issued.json().path("key").path("jurisdictionId").asString()).isEqualTo("12345.beijing.gov.cn");

        JsonNode listed = api.get("admin", "/api/v1/open311/keys").json();
        assertThat(listed.toString()).doesNotContain(key);
        String stored = jdbc.sql("select key_hash from open311_api_key where id = ?").param(id).query(String.class).single();
        assertThat(stored).isEqualTo(ApiKeys.hash(key)).doesNotContain(key);

        client.get("services.json?api_key=" + key);
        client.get("requests.xml?api_key=" + key + "&status=bogus");
        JsonNode uses = api.get("admin", "/api/v1/open311/keys/" + id + "/uses").json();
        assertThat(uses.size()).isEqualTo(2);
        assertThat(uses.get(0).path("status").asInt()).isEqualTo(400);
        assertThat(uses.get(0).path("path").asString()).isEqualTo("/open311/v2/requests.xml");
        assertThat(uses.get(1).path("status").asInt()).isEqualTo(200);

        JsonNode revoked = api.post("admin", "/api/v1/open311/keys/" + id + "/revoke", "{}").json();
        assertThat(revoked.path("revokedBy").asString()).isEqualTo("admin");
        assertThat(client.get("services.json?api_key=" + key).status()).isEqualTo(403);
    }

    @Test
    void issuingValidatesTheBody() {
        Api api = new Api(port);
        assertThat(api.post("admin", "/api/v1/open311/keys", "{\"label\":\"x\",\"channel\":\"FAX\"}").status()).isEqualTo(400);
        assertThat(api.post("admin", "/api/v1/open311/keys", "{\"label\":\"\",\"channel\":\"APP\"}").status()).isEqualTo(400);
        assertThat(api.post("admin", "/api/v1/open311/keys",
                "{\"label\":\"x\",\"channel\":\"APP\",\"jurisdictionId\":\"gotham\"}").status()).isEqualTo(400);
        assertThat(api.post("admin", "/api/v1/open311/keys/999999/revoke", "{}").status()).isEqualTo(404);
    }
}
