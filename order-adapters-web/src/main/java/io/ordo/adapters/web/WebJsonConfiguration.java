package io.ordo.adapters.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the API reads and writes JSON: strict on the way in (an unknown field, a fraction for an integer or
 * a null for a number is a 400 naming the field), ISO-8601 instants on the way out.
 */
@Configuration(proxyBeanMethods = false)
public class WebJsonConfiguration {

    /**
     * Text may hold any character PostgreSQL can store: a NUL cannot be stored in text or jsonb, so a string
     * containing one is refused as a field error instead of failing in the database.
     */
    @Bean
    com.fasterxml.jackson.databind.Module noNulInStrings() {
        return new com.fasterxml.jackson.databind.module.SimpleModule("ordo-no-nul")
                .addDeserializer(
                        String.class,
                        new com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<String>(String.class) {
                            @Override
                            public String deserialize(
                                    com.fasterxml.jackson.core.JsonParser parser,
                                    com.fasterxml.jackson.databind.DeserializationContext context)
                                    throws java.io.IOException {
                                String value =
                                        com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance
                                                .deserialize(parser, context);
                                if (value != null && value.indexOf('\u0000') >= 0) {
                                    throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(
                                            parser, "must not contain NUL characters", value, String.class);
                                }
                                return value;
                            }
                        });
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictApiJson() {
        return builder -> builder.featuresToEnable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .featuresToDisable(
                        DeserializationFeature.ACCEPT_FLOAT_AS_INT, SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
