package io.swiftresponse.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * No text in a JSON request may contain a NUL character (U+0000): PostgreSQL cannot store it in a text
 * column, so it would otherwise fail deep inside a transaction as an internal error. Refused while the body is read,
 * it becomes an ordinary 400 that names the field. Registered with Spring Boot's JSON mapper as a module.
 */
@Configuration(proxyBeanMethods = false)
class NulFreeJsonStrings {

    /** The end of the parser's message for a refused string; the problem details recognise it by this text. */
    static final String NUL_REFUSAL = "text must not contain a NUL character (\\u0000)";

    @Bean
    JacksonModule nulFreeJsonStringsModule() {
        return new SimpleModule("swift-nul-free-strings").addDeserializer(String.class, new NulFreeStringDeserializer());
    }

    static final class NulFreeStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\0') >= 0) {
                return (String) ctxt.handleWeirdStringValue(String.class, value, NUL_REFUSAL);
            }
            return value;
        }
    }
}
