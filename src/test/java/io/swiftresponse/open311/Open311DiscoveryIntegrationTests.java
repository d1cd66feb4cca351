package io.swiftresponse.open311;

import static io.swiftresponse.open311.Conformance.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.open311.Conformance.Fmt;
import io.swiftresponse.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xmlunit.assertj.XmlAssert;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;
import tools.jackson.databind.JsonNode;

/** Discovery, the service list and service definitions, in XML and JSON, against schemas written from the specification. */
@IntegrationTest
class Open311DiscoveryIntegrationTests extends ConformanceFixture {

    @ParameterizedTest
    @EnumSource(Fmt.class)
    void discoveryInBothFormats(Fmt fmt) {
        Open311Client.Reply r = client.get("discovery." + fmt.ext);
        conforms(r, fmt, 200, "discovery");
        assertThat(r.body()).contains("http://wiki.open311.org/GeoReport_v2", "/open311/v2", "text/xml", "application/json");
    }

    @ParameterizedTest
    @EnumSource(Fmt.class)
    void servicesAreOurCategoriesWithGroupAndKeywords(Fmt fmt) {
        Open311Client.Reply r = client.get("services." + fmt.ext);
        conforms(r, fmt, 200, "services");
        if (fmt == Fmt.JSON) {
            JsonNode heating = find(r.json(), "service_code", HEATING);
            assertThat(heating.path("service_code").isString()).isTrue();
            assertThat(heating.path("service_name").asString()).isEqualTo("不供暖");
            assertThat(heating.path("group").asString()).isEqualTo("供暖");
            assertThat(heating.path("keywords").asString()).isEqualTo("不供暖, 暖气不热, 没暖气, 停暖");
            assertThat(heating.path("metadata").asBoolean()).isTrue();
            assertThat(find(r.json(), "service_code", "010102").path("metadata").asBoolean()).isFalse();
            assertThat(r.json().size()).as("every level-3 category of the demo city (categories.csv)").isEqualTo(407);
        } else {
            XmlAssert.assertThat(r.body()).valueByXPath("/services/service[service_code='010101']/group").isEqualTo("供暖");
            XmlAssert.assertThat(r.body()).valueByXPath("/services/service[service_code='010101']/metadata").isEqualTo("true");
        }
    }

    @Test
    void serviceDefinitionXmlIsExactlyTheSpecificationsShape() {
        Open311Client.Reply r = client.get("services/" + HEATING + ".xml");
        conforms(r, Fmt.XML, 200, "service_definition");
        String expected = """
                <?xml version="1.0" encoding="UTF-8"?>
                <service_definition>
                  <service_code>010101</service_code>
                  <attributes>
                    <attribute><variable>true</variable><code>room_temperature</code><datatype>number</datatype>
                      <required>true</required><datatype_description>摄氏度 degrees Celsius</datatype_description>
                      <order>1</order><description>室内温度 Indoor temperature</description><values/></attribute>
                    <attribute><variable>true</variable><code>heating_type</code><datatype>singlevaluelist</datatype>
                      <required>true</required><datatype_description/><order>2</order><description>供暖方式 Heating type</description>
                      <values>
                        <value><key>central</key><name>集中供暖 District heating</name></value>
                        <value><key>boiler</key><name>小区锅炉 Estate boiler</name></value>
                        <value><key>own</key><name>自采暖 Own heating</name></value>
                      </values></attribute>
                    <attribute><variable>true</variable><code>since</code><datatype>datetime</datatype><required>false</required>
                      <datatype_description>ISO 8601, 例 2026-11-29T08:00:00+08:00</datatype_description><order>3</order>
                      <description>开始时间 Cold since</description><values/></attribute>
                  </attributes>
                </service_definition>""";
        Diff diff = DiffBuilder.compare(expected).withTest(r.body()).ignoreWhitespace().checkForSimilar().build();
        assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
    }

    @Test
    void serviceDefinitionJson() {
        Open311Client.Reply r = client.get("services/" + HEATING + ".json");
        conforms(r, Fmt.JSON, 200, "service_definition");
        JsonNode attrs = r.json().path("attributes");
        assertThat(attrs.size()).isEqualTo(3);
        assertThat(attrs.get(1).path("values").get(0).path("key").asString()).isEqualTo("central");
        assertThat(attrs.get(0).path("order").isInt()).isTrue();
        JsonNode noQuestions = client.get("services/010102.json").json();
        assertThat(noQuestions.path("attributes").isArray()).as("an empty list is still an array").isTrue();
    }
}
