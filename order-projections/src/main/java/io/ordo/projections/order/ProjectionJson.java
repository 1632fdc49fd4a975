package io.ordo.projections.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON of stored documents: public fields, ISO-8601 instants, tolerant of fields added later. */
final class ProjectionJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ProjectionJson() {}

    static String write(OrderDocument document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write order document " + document.id, e);
        }
    }

    static OrderDocument read(String json) {
        try {
            return MAPPER.readValue(json, OrderDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read an order document", e);
        }
    }
}
