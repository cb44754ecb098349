package dev.portcullis.web;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body as a JSON object, refusing oversized bodies (413) and malformed JSON
 * (400) before any work is done. Used where absent and null fields mean different things, and
 * for the agent API whose bodies are shaped by osquery.
 */
public final class JsonBody {

    public static final int DEFAULT_LIMIT = 2 * 1024 * 1024;

    private JsonBody() {
    }

    public static JsonObject read(InputStream in) {
        return read(in, DEFAULT_LIMIT);
    }

    public static JsonObject read(InputStream in, int limit) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new BadRequestException("Could not read the request body");
        }
        if (bytes.length > limit) {
            throw new WebApplicationException("Request body too large", 413);
        }
        if (bytes.length == 0) {
            throw new BadRequestException("Request body must be a JSON object");
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException | ArithmeticException | StackOverflowError e) {
            // Parsson refuses deep nesting with a plain runtime exception: still malformed input.
            throw new BadRequestException("Malformed JSON in the request body");
        } catch (RuntimeException e) {
            throw new BadRequestException("Malformed JSON in the request body");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new BadRequestException("Request body must be a JSON object");
        }
        return value.asJsonObject();
    }

    /** The string at {@code key}, or null when absent or JSON null; a wrong type is a bad request. */
    public static String string(JsonObject o, String key) {
        JsonValue v = o == null ? null : o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new BadRequestException(key + " must be a string");
        }
        return o.getString(key);
    }

    /** The boolean at {@code key}, or null when absent or JSON null. */
    public static Boolean bool(JsonObject o, String key) {
        JsonValue v = o == null ? null : o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v == JsonValue.TRUE) return Boolean.TRUE;
        if (v == JsonValue.FALSE) return Boolean.FALSE;
        throw new BadRequestException(key + " must be true or false");
    }

    /** The object at {@code key}, or null when absent or JSON null. */
    public static JsonObject object(JsonObject o, String key) {
        JsonValue v = o == null ? null : o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new BadRequestException(key + " must be an object");
        }
        return v.asJsonObject();
    }
}
