package io.swiftresponse.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The usual start of an {@link IntegrationTest}: the server's port, its API as the demo users call it, and the
 * {@link Orders} helper over that API, fresh for every test. A subclass's own {@code @BeforeEach} runs after this one.
 */
public abstract class ApiTests {

    @LocalServerPort
    protected int port;

    protected Api api;
    protected Orders orders;

    @BeforeEach
    void connectToTheServer() {
        api = new Api(port);
        orders = new Orders(api);
    }
}
