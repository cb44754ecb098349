package dev.portcullis.web;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Accepts only JSON true, false or null for a boolean. JSON-B's default reads any string, so
 * "critical": "yes" would silently become false; here it is a bad request.
 */
public class StrictBoolean implements JsonbDeserializer<Boolean> {

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value == JsonValue.TRUE) return Boolean.TRUE;
        if (value == JsonValue.FALSE) return Boolean.FALSE;
        if (value == JsonValue.NULL) return null;
        throw new JsonbException("expected true or false, got " + value);
    }
}
