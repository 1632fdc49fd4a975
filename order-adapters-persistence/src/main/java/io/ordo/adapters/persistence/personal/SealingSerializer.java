package io.ordo.adapters.persistence.personal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The serializer of events and of the Order's snapshots, sealing personal data on the way into the store and opening
 * it on the way out ({@link PersonalData}); everything else is its delegate's. Events held in memory (the aggregate,
 * the projections that run in the command's transaction) never meet it and keep the plain values.
 */
public final class SealingSerializer implements Serializer {

    private final Serializer delegate;
    private final OrderDataKeys keys;
    private final ObjectMapper json;

    public SealingSerializer(Serializer delegate, OrderDataKeys keys, ObjectMapper json) {
        this.delegate = delegate;
        this.keys = keys;
        this.json = json;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !PersonalData.holdsPersonalData(object.getClass())) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<JsonNode> tree = delegate.serialize(object, JsonNode.class);
        var json = (ObjectNode) tree.getData(); // a tree of its own, made for this call
        JsonNode customer = json.has("details") ? json.path("details").path("customer") : json.path("customer");
        PersonalData.seal(
                object.getClass(),
                json,
                () -> keys.keyFor(
                        PersonalData.orderIdOf(object.getClass().getName(), json),
                        json.path("tenantId").asText(null),
                        customer.path("id").asText(null)));
        return getConverter()
                .convert(new SimpleSerializedObject<>(json, JsonNode.class, tree.getType()), expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    /**
     * Opens the sealed values; an event of an erased order stored before sealing has its plain values erased. JSON
     * without a sealed value is not parsed here unless its type holds personal data and some order was erased.
     */
    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        SerializedObject<byte[]> bytes = getConverter().convert(serializedObject, byte[].class);
        String typeName = serializedObject.getType().getName();
        if (bytes.getData() == null
                || !(PersonalData.mayHoldSealed(bytes.getData())
                        || (PersonalData.holdsPersonalData(typeName) && keys.anyErased()))) {
            return delegate.deserialize(serializedObject);
        }
        try {
            JsonNode stored = json.readTree(bytes.getData());
            PersonalData.hidePlainIfErased(stored, typeName, keys::erased);
            PersonalData.open(stored, PersonalData.orderIdOf(typeName, stored), keys::find);
            return delegate.deserialize(
                    new SimpleSerializedObject<>(stored, JsonNode.class, serializedObject.getType()));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
