package dev.portcullis.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The hand-maintained OpenAPI document names exactly the operations the JAX-RS resources serve. */
class OpenApiDocumentTest {

    static final String APPLICATION_PATH = "/api";

    /** "GET /api/v1/fleet/hosts/{id}" for every resource method in the web module. */
    static Set<String> resourceOperations() throws Exception {
        Path classes = Path.of(OpenApiResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> operations = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.');
            Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                    OpenApiDocumentTest.class.getClassLoader());
            jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (root == null) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                String verb = httpMethod(m);
                if (verb == null) {
                    continue;
                }
                jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                operations.add(verb + " " + join(APPLICATION_PATH, root.value(), sub == null ? "" : sub.value()));
            }
        }
        return operations;
    }

    static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** Joins path segments and drops template regular expressions: {id: [0-9]+} becomes {id}. */
    static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            for (String segment : part.split("/")) {
                if (!segment.isEmpty()) {
                    b.append('/').append(segment.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}"));
                }
            }
        }
        return b.toString();
    }

    static JsonObject document() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT);
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }

    static Set<String> documentedOperations(JsonObject doc) {
        Set<String> operations = new TreeSet<>();
        for (var path : doc.getJsonObject("paths").entrySet()) {
            for (String key : path.getValue().asJsonObject().keySet()) {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(key)) {
                    operations.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    @Test
    void documentsEveryResourceOperation() throws Exception {
        Set<String> missing = new TreeSet<>(resourceOperations());
        missing.removeAll(documentedOperations(document()));
        assertTrue(missing.isEmpty(), "openapi.json does not describe: " + String.join("\n", missing));
    }

    @Test
    void documentsNoOperationThatDoesNotExist() throws Exception {
        Set<String> stale = new TreeSet<>(documentedOperations(document()));
        stale.removeAll(resourceOperations());
        assertTrue(stale.isEmpty(), "openapi.json describes operations no resource serves: " + String.join("\n", stale));
    }

    @Test
    void isAnOpenApi30DocumentWhoseOperationsDeclareTheirPathParameters() throws Exception {
        JsonObject doc = document();
        assertTrue(doc.getString("openapi").startsWith("3.0."));
        List<String> problems = new ArrayList<>();
        for (var path : doc.getJsonObject("paths").entrySet()) {
            Set<String> templated = new TreeSet<>();
            var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (matcher.find()) {
                templated.add(matcher.group(1));
            }
            for (var op : path.getValue().asJsonObject().entrySet()) {
                if (op.getValue().getValueType() != JsonValue.ValueType.OBJECT || op.getKey().equals("parameters")) {
                    continue;
                }
                JsonObject operation = op.getValue().asJsonObject();
                if (!operation.containsKey("responses")) {
                    problems.add(op.getKey() + " " + path.getKey() + " has no responses");
                }
                Set<String> declared = new TreeSet<>();
                Stream.concat(path.getValue().asJsonObject().getJsonArray("parameters") == null ? Stream.empty()
                                        : path.getValue().asJsonObject().getJsonArray("parameters").stream(),
                                operation.getJsonArray("parameters") == null ? Stream.empty()
                                        : operation.getJsonArray("parameters").stream())
                        .map(JsonValue::asJsonObject).filter(p -> p.containsKey("$ref") || "path".equals(p.getString("in", "")))
                        .forEach(p -> declared.add(p.containsKey("$ref")
                                ? doc.getJsonObject("components").getJsonObject("parameters")
                                        .getJsonObject(p.getString("$ref").substring("#/components/parameters/".length()))
                                        .getString("name")
                                : p.getString("name")));
                if (!declared.containsAll(templated)) {
                    problems.add(op.getKey() + " " + path.getKey() + " declares path parameters " + declared);
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
