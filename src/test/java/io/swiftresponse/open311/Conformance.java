package io.swiftresponse.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.stream.StreamSource;
import org.xmlunit.builder.Input;
import org.xmlunit.validation.Languages;
import org.xmlunit.validation.ValidationResult;
import org.xmlunit.validation.Validator;

/**
 * Checks answers against the specification: XML with XMLUnit against the XSDs, JSON against the JSON schemas,
 * both written from the GeoReport v2 text (src/test/resources/open311), plus the content type and encoding.
 */
final class Conformance {

    enum Fmt {
        XML("xml", "text/xml"), JSON("json", "application/json");

        final String ext;
        final String mediaType;

        Fmt(String ext, String mediaType) {
            this.ext = ext;
            this.mediaType = mediaType;
        }
    }

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private Conformance() {
    }

    /** Asserts status, content type and that the body conforms to the named document type in its format. */
    static void conforms(Open311Client.Reply reply, Fmt fmt, int status, String document) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType().replace(" ", "").toLowerCase()).as(reply.toString())
                .isEqualTo(fmt.mediaType + ";charset=utf-8");
        if (fmt == Fmt.XML) xml(reply.body(), document);
        else json(reply.body(), document);
    }

    static void xml(String body, String document) {
        assertThat(body).as("XML declaration").startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Validator v = Validator.forLanguage(Languages.W3C_XML_SCHEMA_NS_URI);
        InputStream xsd = Conformance.class.getResourceAsStream("/open311/" + document + ".xsd");
        assertThat(xsd).as("XSD " + document).isNotNull();
        v.setSchemaSource(new StreamSource(xsd));
        ValidationResult result = v.validateInstance(Input.fromString(body).build());
        assertThat(result.isValid()).as(document + ".xsd: " + result.getProblems() + "\n" + body).isTrue();
    }

    static void json(String body, String document) {
        Schema schema = SCHEMAS.computeIfAbsent(document, d -> REGISTRY.getSchema(
                Conformance.class.getResourceAsStream("/open311/" + d + ".schema.json"), InputFormat.JSON));
        List<Error> errors = schema.validate(body, InputFormat.JSON);
        assertThat(errors).as(document + ".schema.json:\n" + body).isEmpty();
    }
}
