package io.ordo.adapters.persistence;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ordo.domain.OrderId;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The JSON form of events, snapshots and tokens in the store. Events are the permanent record, so the
 * form is plain: ids as bare strings, money as decimal strings (never binary floating point), dates as
 * ISO-8601, and unknown properties ignored so that older code can read newer events.
 */
public final class EventJson {

    private EventJson() {}

    /**
     * The form of aggregate snapshots: the aggregate's own fields (it has no getters, and must not grow any
     * for the sake of storage), otherwise the same as events. A snapshot is a cache: a new release may
     * drop all snapshots and rebuild them from the events.
     */
    public static ObjectMapper snapshotMapper() {
        ObjectMapper mapper = objectMapper();
        mapper.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        mapper.setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
        return mapper;
    }

    public static ObjectMapper objectMapper() {
        var ids = new SimpleModule("ordo-ids")
                .addSerializer(OrderId.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(OrderId id, JsonGenerator gen, SerializerProvider provider)
                            throws IOException {
                        gen.writeString(id.toString());
                    }
                })
                .addDeserializer(OrderId.class, new JsonDeserializer<>() {
                    @Override
                    public OrderId deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        return new OrderId(UUID.fromString(parser.getValueAsString()));
                    }
                });
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(ids)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        return mapper;
    }
}
