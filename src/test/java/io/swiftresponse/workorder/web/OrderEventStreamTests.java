package io.swiftresponse.workorder.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swiftresponse.directory.UnitType;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class OrderEventStreamTests {

    @Test
    void closingTheApplicationEndsEveryOpenStreamSoThatShutdownNeedNotWaitForThem() {
        OrderEventStream stream = new OrderEventStream(null);
        SseEmitter hotline = stream.watch(new CurrentUser("agent1", Role.AGENT, null, null));
        SseEmitter street = stream.watch(new CurrentUser("handler-110101001", Role.HANDLER, "110101001", UnitType.STREET));
        assertThatCode(() -> hotline.send("still open")).doesNotThrowAnyException();

        stream.endStreams();

        assertThatThrownBy(() -> hotline.send("after close")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("completed");
        assertThatThrownBy(() -> street.send("after close")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("completed");
    }
}
