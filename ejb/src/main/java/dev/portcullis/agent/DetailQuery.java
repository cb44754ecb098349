package dev.portcullis.agent;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The detail queries handed out beside the policies to keep a host's hostname, platform and OS
 * version current. Their names follow Fleet's: {@value #PREFIX} and the table they read.
 */
public enum DetailQuery {
    SYSTEM_INFO("system_info", "SELECT hostname, computer_name, hardware_serial, uuid FROM system_info;"),
    OS_VERSION("os_version", "SELECT name, version, major, minor, patch, build, platform FROM os_version;");

    public static final String PREFIX = "fleet_detail_query_";

    private final String queryName;
    private final String sql;

    DetailQuery(String table, String sql) {
        this.queryName = PREFIX + table;
        this.sql = sql;
    }

    public String queryName() {
        return queryName;
    }

    public String sql() {
        return sql;
    }

    /** The detail query with this name; empty for any other name, an unknown detail name included. */
    public static Optional<DetailQuery> named(String name) {
        return Arrays.stream(values()).filter(q -> q.queryName.equals(name)).findFirst();
    }

    /**
     * What the first rows of the detail queries tell about the host: its hostname (the computer
     * name when the hostname is blank), platform, and OS version written as enrollment writes it.
     * A missing query or blank column gives null, which keeps the host's current value.
     */
    public static HostDetails describe(Map<DetailQuery, Map<String, String>> firstRows) {
        Map<String, String> system = firstRows.getOrDefault(SYSTEM_INFO, Map.of());
        Map<String, String> os = firstRows.getOrDefault(OS_VERSION, Map.of());
        String hostname = nonBlank(system.get("hostname"));
        return new HostDetails(null, hostname != null ? hostname : nonBlank(system.get("computer_name")),
                nonBlank(os.get("platform")), HostDetails.osText(os.get("name"), os.get("version")));
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
