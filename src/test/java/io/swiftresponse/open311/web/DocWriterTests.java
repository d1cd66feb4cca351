package io.swiftresponse.open311.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.open311.RequestIntake;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocWriterTests {

    static String write(Doc doc, Format format) {
        return new String(DocWriter.write(doc, format), StandardCharsets.UTF_8);
    }

    @Test
    void oneItemIsStillAJsonArray() {
        assertThat(write(Documents.errors(400, "x"), Format.JSON)).isEqualTo("[{\"code\":400,\"description\":\"x\"}]");
    }

    @Test
    void xmlHasADeclarationEscapesAndDropsWhatXmlCannotCarry() {
        assertThat(write(Documents.errors(400, "x\u0001y<&>"), Format.XML)).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error><code>400</code><description>xy&lt;&amp;&gt;</description></error></errors>");
        assertThat(write(Documents.errors(400, "x\u0001y"), Format.JSON)).contains("\"xy\"");
    }

    @Test
    void nullIsAnEmptyElementInXmlAndNullInJson() {
        Doc created = Documents.created(new RequestIntake.Created("1", "t", "n", null));
        assertThat(write(created, Format.XML)).contains("<account_id/>");
        assertThat(write(created, Format.JSON)).contains("\"account_id\":null").startsWith("[");
    }

    @Test
    void formatComesFromTheExtension() {
        assertThat(Format.parse("requests.json").format()).isEqualTo(Format.JSON);
        assertThat(Format.parse("requests.xml").name()).isEqualTo("requests");
        assertThat(Format.parse("requests.html")).isNull();
        assertThat(Format.parse("requests")).isNull();
        assertThat(Format.ofPath("/open311/v2/x.json")).isEqualTo(Format.JSON);
        assertThat(Format.ofPath("/open311/v2/x.html")).isEqualTo(Format.XML);
    }
}
