package dev.portcullis.web.agent;

import dev.portcullis.agent.AgentService;
import dev.portcullis.agent.DetailQuery;
import dev.portcullis.agent.HostDetails;
import dev.portcullis.agent.QueryOutcome;
import dev.portcullis.web.JsonBody;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * osquery's TLS remote API. The node key travels in the JSON body; an unknown one answers
 * {"node_invalid": true} with 401 so osquery enrolls again. Bodies are parsed in full before
 * any service call, so a malformed request changes nothing.
 */
@Path("osquery")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class OsqueryResource {

    @Inject
    private AgentService agents;

    @POST
    @Path("enroll")
    public JsonObject enroll(InputStream body) {
        JsonObject json = JsonBody.read(body);
        JsonObject details = JsonBody.object(json, "host_details");
        JsonObject system = JsonBody.object(details, "system_info");
        JsonObject os = JsonBody.object(details, "os_version");
        JsonObject platformInfo = JsonBody.object(details, "platform_info");
        String uuid = firstNonBlank(JsonBody.string(system, "hardware_uuid"), JsonBody.string(system, "uuid"));
        String platform = firstNonBlank(JsonBody.string(os, "platform"), JsonBody.string(platformInfo, "platform"));
        String osText = HostDetails.osText(JsonBody.string(os, "name"), JsonBody.string(os, "version"));
        String hostname = firstNonBlank(JsonBody.string(system, "hostname"), JsonBody.string(system, "computer_name"));
        String nodeKey = agents.enroll(JsonBody.string(json, "enroll_secret"), JsonBody.string(json, "host_identifier"),
                new HostDetails(uuid, hostname, platform, osText));
        return Json.createObjectBuilder().add("node_key", nodeKey).add("node_invalid", false).build();
    }

    @POST
    @Path("config")
    public JsonObject config(InputStream body) {
        agents.fetchConfig(nodeKey(JsonBody.read(body)));
        return Json.createObjectBuilder()
                .add("options", Json.createObjectBuilder()
                        .add("distributed_interval", 10)
                        .add("distributed_tls_max_attempts", 3)
                        .add("logger_tls_period", 10)
                        .add("pack_delimiter", "/"))
                .add("decorators", Json.createObjectBuilder()
                        .add("load", Json.createArrayBuilder()
                                .add("SELECT uuid AS host_uuid FROM system_info;")
                                .add("SELECT hostname AS hostname FROM system_info;")))
                .build();
    }

    @POST
    @Path("distributed/read")
    public JsonObject distributedRead(InputStream body) {
        Map<String, String> queries = agents.distributedRead(nodeKey(JsonBody.read(body)));
        var out = Json.createObjectBuilder();
        queries.forEach(out::add);
        return Json.createObjectBuilder().add("queries", out).build();
    }

    @POST
    @Path("distributed/write")
    public JsonObject distributedWrite(InputStream body) {
        JsonObject json = JsonBody.read(body);
        String nodeKey = nodeKey(json);
        JsonObject queries = JsonBody.object(json, "queries");
        JsonObject statuses = JsonBody.object(json, "statuses");
        JsonObject messageObject = JsonBody.object(json, "messages");
        Map<String, QueryOutcome> outcomes = new LinkedHashMap<>();
        Map<String, String> messages = new LinkedHashMap<>();
        Map<String, Map<String, String>> detailRows = new LinkedHashMap<>();
        if (messageObject != null) {
            // osquery sends a message for each query that did not run cleanly.
            for (String name : messageObject.keySet()) {
                String message = JsonBody.string(messageObject, name);
                if (message != null && !message.isBlank()) {
                    messages.put(name, message);
                }
            }
        }
        if (queries != null) {
            for (Map.Entry<String, JsonValue> e : queries.entrySet()) {
                QueryOutcome outcome = outcome(e.getValue(), status(statuses, e.getKey()));
                outcomes.put(e.getKey(), outcome);
                if (outcome == QueryOutcome.ROWS && e.getKey().startsWith(DetailQuery.PREFIX)) {
                    detailRows.put(e.getKey(), firstRow(e.getValue()));
                }
            }
        }
        if (statuses != null) {
            // A query that errored may come with a status and no rows entry at all.
            for (String name : statuses.keySet()) {
                outcomes.putIfAbsent(name, status(statuses, name) == 0 ? QueryOutcome.NO_ROWS : QueryOutcome.ERROR);
            }
        }
        agents.distributedWrite(nodeKey, outcomes, messages, detailRows);
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /** Status and result logs: accepted from enrolled hosts, not kept. */
    @POST
    @Path("log")
    public JsonObject log(@HeaderParam("Content-Encoding") String contentEncoding, InputStream body) {
        JsonObject json = JsonBody.read(ContentEncoding.decoded(body, contentEncoding));
        JsonValue data = json.get("data");
        int entries = 0;
        if (data != null && data != JsonValue.NULL) {
            if (data.getValueType() != JsonValue.ValueType.ARRAY) {
                throw new BadRequestException("data must be an array of log entries");
            }
            entries = data.asJsonArray().size();
        }
        agents.acceptLogs(nodeKey(json), JsonBody.string(json, "log_type"), entries);
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    private static QueryOutcome outcome(JsonValue rows, int status) {
        if (status != 0) {
            return QueryOutcome.ERROR;
        }
        if (rows == null || rows == JsonValue.NULL) {
            return QueryOutcome.NO_ROWS;
        }
        if (rows.getValueType() == JsonValue.ValueType.ARRAY) {
            return rows.asJsonArray().isEmpty() ? QueryOutcome.NO_ROWS : QueryOutcome.ROWS;
        }
        if (rows.getValueType() == JsonValue.ValueType.STRING && ((jakarta.json.JsonString) rows).getString().isEmpty()) {
            // Older osquery versions send "" for an empty result; any other text is not rows.
            return QueryOutcome.NO_ROWS;
        }
        throw new BadRequestException("queries must map names to arrays of rows");
    }

    /** A detail query's first row as column to text; osquery sends every value as a string. */
    private static Map<String, String> firstRow(JsonValue rows) {
        if (rows.getValueType() != JsonValue.ValueType.ARRAY
                || rows.asJsonArray().get(0).getValueType() != JsonValue.ValueType.OBJECT) {
            throw new BadRequestException("a detail query's rows must be objects");
        }
        Map<String, String> row = new LinkedHashMap<>();
        rows.asJsonArray().getJsonObject(0).forEach((column, value) -> {
            switch (value.getValueType()) {
                case STRING -> row.put(column, ((JsonString) value).getString());
                case NUMBER -> row.put(column, value.toString());
                default -> { } // null, true/false, nested: no text to keep
            }
        });
        return row;
    }

    private static int status(JsonObject statuses, String name) {
        JsonValue v = statuses == null ? null : statuses.get(name);
        if (v == null || v == JsonValue.NULL) {
            return 0;
        }
        if (v instanceof JsonNumber n) {
            return n.isIntegral() ? n.intValue() : 1;
        }
        if (v.getValueType() == JsonValue.ValueType.STRING) {
            try {
                return Integer.parseInt(((jakarta.json.JsonString) v).getString());
            } catch (NumberFormatException e) {
                throw new BadRequestException("statuses must map names to integers");
            }
        }
        throw new BadRequestException("statuses must map names to integers");
    }

    private static String nodeKey(JsonObject json) {
        JsonValue v = json.get("node_key");
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? json.getString("node_key") : null;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
