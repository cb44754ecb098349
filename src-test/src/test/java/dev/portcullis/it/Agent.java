package dev.portcullis.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/** Plays an osquery agent against /api/osquery, sending the bodies osquery sends. */
public final class Agent {

    public static final String SYSTEM_INFO = "fleet_detail_query_system_info";
    public static final String OS_VERSION = "fleet_detail_query_os_version";

    private final Api api;
    private final String hardwareUuid;
    private final String hostname;
    private String nodeKey;

    public Agent(PortcullisServer server, String hardwareUuid, String hostname) {
        this(server.api(), hardwareUuid, hostname);
    }

    public Agent(Api api, String hardwareUuid, String hostname) {
        this.api = api;
        this.hardwareUuid = hardwareUuid;
        this.hostname = hostname;
    }

    public static String enrollBody(String secret, String uuid, String hostname) {
        return Json.createObjectBuilder()
                .add("enroll_secret", secret)
                .add("host_identifier", uuid)
                .add("platform_type", "21")
                .add("host_details", Json.createObjectBuilder()
                        .add("os_version", Json.createObjectBuilder().add("name", "macOS").add("version", "14.5")
                                .add("major", "14").add("minor", "5").add("platform", "darwin")
                                .add("platform_like", "darwin"))
                        .add("osquery_info", Json.createObjectBuilder().add("version", "5.12.1"))
                        .add("platform_info", Json.createObjectBuilder().add("vendor", "Apple Inc."))
                        .add("system_info", Json.createObjectBuilder().add("hostname", hostname)
                                .add("uuid", uuid).add("hardware_serial", "C02TEST").add("computer_name", hostname)))
                .build().toString();
    }

    /** Enrolls and keeps the node key; returns the raw response. */
    public Api.Response enroll(String secret) {
        Api.Response r = api.post("/api/osquery/enroll", enrollBody(secret, hardwareUuid, hostname));
        if (r.status() == 200) {
            nodeKey = r.json().getString("node_key");
        }
        return r;
    }

    public String hardwareUuid() {
        return hardwareUuid;
    }

    public String nodeKey() {
        return nodeKey;
    }

    public Api.Response config() {
        return api.post("/api/osquery/config", nodeKeyBody());
    }

    /** The queries the server hands out (name to SQL). */
    public JsonObject read() {
        Api.Response r = api.post("/api/osquery/distributed/read", nodeKeyBody());
        if (r.status() != 200) {
            throw new AssertionError("distributed/read: " + r);
        }
        return r.json().getJsonObject("queries");
    }

    /** Reports results: each query name maps to pass (a row), fail (no rows) or error (status 1). */
    public Api.Response write(Map<String, Result> results) {
        return write(results, null);
    }

    /**
     * Reports policy results and, unless {@code details} is null, answers the detail queries with
     * the rows osquery on this Mac would send, in one body, as osquery answers all that one read
     * handed out.
     */
    public Api.Response write(Map<String, Result> results, Details details) {
        JsonObjectBuilder queries = Json.createObjectBuilder();
        JsonObjectBuilder statuses = Json.createObjectBuilder();
        JsonObjectBuilder messages = Json.createObjectBuilder();
        results.forEach((name, result) -> {
            switch (result) {
                case PASS -> queries.add(name, Json.createArrayBuilder().add(Json.createObjectBuilder().add("1", "1")));
                case FAIL -> queries.add(name, Json.createArrayBuilder());
                case ERROR -> {
                    queries.add(name, Json.createArrayBuilder());
                    messages.add(name, "no such table: disk_encryption");
                }
            }
            statuses.add(name, result == Result.ERROR ? 1 : 0);
        });
        if (details != null) {
            String[] version = (details.macosVersion() + ".0.0").split("\\.");
            queries.add(SYSTEM_INFO, Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("hostname", details.hostname()).add("computer_name", details.hostname())
                    .add("hardware_serial", "C02TEST").add("uuid", hardwareUuid)));
            queries.add(OS_VERSION, Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("name", "macOS").add("version", details.macosVersion()).add("major", version[0])
                    .add("minor", version[1]).add("patch", version[2]).add("build", "23F79").add("platform", "darwin")));
            statuses.add(SYSTEM_INFO, 0).add(OS_VERSION, 0);
        }
        return api.post("/api/osquery/distributed/write", Json.createObjectBuilder().add("node_key", nodeKey)
                .add("queries", queries).add("statuses", statuses).add("messages", messages).build().toString());
    }

    /** What enrollment told about this Mac: its hostname and macOS 14.5. */
    public Details details() {
        return new Details(hostname, "14.5");
    }

    /** Sends logs as osquery's TLS logger does: {node_key, log_type, data: [...]}. */
    public Api.Response log(String logType, jakarta.json.JsonArray data) {
        return api.post("/api/osquery/log", Json.createObjectBuilder().add("node_key", nodeKey == null ? "" : nodeKey)
                .add("log_type", logType).add("data", data).build().toString());
    }

    public Api.Response postRaw(String path, String body) {
        return api.post(path, body);
    }

    private String nodeKeyBody() {
        return Json.createObjectBuilder().add("node_key", nodeKey == null ? "" : nodeKey).build().toString();
    }

    public enum Result { PASS, FAIL, ERROR }

    /** What the detail queries find on the Mac: its hostname and macOS version, e.g. "14.5". */
    public record Details(String hostname, String macosVersion) {
    }
}
