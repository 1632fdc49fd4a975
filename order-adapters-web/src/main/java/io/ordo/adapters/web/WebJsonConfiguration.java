package io.ordo.adapters.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
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
    Module noNulInStrings() {
        return new SimpleModule("ordo-no-nul")
                .addDeserializer(String.class, new StdScalarDeserializer<String>(String.class) {
                    @Override
                    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        String value = StringDeserializer.instance.deserialize(parser, context);
                        if (value != null && value.indexOf('\u0000') >= 0) {
                            throw InvalidFormatException.from(
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
