package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every authenticated endpoint of the REST API, for every role: allowed (2xx, or the endpoint's
 * normal 4xx for a missing target) or 403, and 401 without a token. No response ever carries a
 * private key. A new endpoint in web/api needs a row here.
 */
@ExtendWith(PortcullisServer.Extension.class)
class RolesIT {

    enum Who { ADMIN, MAINTAINER, OBSERVER, TEAM_MAINTAINER, TEAM_OBSERVER }

    static final String PASSWORD = "Role-test-passw0rd!";
    private static final Set<Who> ALL = EnumSet.allOf(Who.class);
    private static final Set<Who> GLOBAL = EnumSet.of(Who.ADMIN, Who.MAINTAINER, Who.OBSERVER);
    private static final Set<Who> WRITERS = EnumSet.of(Who.ADMIN, Who.MAINTAINER);
    private static final Set<Who> TEAM_WRITERS = EnumSet.of(Who.ADMIN, Who.MAINTAINER, Who.TEAM_MAINTAINER);
    private static final Set<Who> ADMIN = EnumSet.of(Who.ADMIN);

    /** One endpoint: method, path and body templates, who may call it, and its normal refusal if any. */
    record Row(String method, String path, String body, Set<Who> allowed, int normal4xx) {
        Row(String method, String path, String body, Set<Who> allowed) {
            this(method, path, body, allowed, 0);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Row> table() {
        String policy = "{\"name\": \"{unique}\", \"query\": \"SELECT 1;\"}";
        String user = "{\"name\": \"New User\", \"email\": \"{unique}@portcullis.test\", \"password\": \"" + PASSWORD
                + "\", \"global_role\": \"observer\"}";
        return List.of(
                new Row("GET", "/api/v1/fleet/me", null, ALL),
                new Row("GET", "/api/v1/fleet/activities", null, GLOBAL),
                new Row("GET", "/api/v1/fleet/conditional_access/idp/signing_cert", null, ALL),
                new Row("GET", "/api/v1/fleet/conditional_access/scep/ca_cert", null, ALL),
                new Row("POST", "/api/v1/fleet/conditional_access/scep/challenges", "", WRITERS),
                new Row("GET", "/api/v1/fleet/conditional_access/scep/challenges", null, WRITERS),
                new Row("GET", "/api/v1/fleet/conditional_access/idp/apple/profile", null, WRITERS),
                new Row("GET", "/api/v1/fleet/conditional_access/sign_ins", null, GLOBAL),
                new Row("GET", "/api/v1/fleet/config", null, ALL),
                new Row("PATCH", "/api/v1/fleet/config", "{\"org_info\": {\"org_name\": \"Portcullis Test\"}}", ADMIN),
                new Row("GET", "/api/v1/fleet/spec/enroll_secret", null, WRITERS),
                new Row("POST", "/api/v1/fleet/spec/enroll_secret", "{globalSecretsSpec}", WRITERS),
                new Row("GET", "/api/v1/fleet/global/policies", null, ALL),
                new Row("POST", "/api/v1/fleet/global/policies", policy, WRITERS),
                new Row("GET", "/api/v1/fleet/global/policies/{globalPolicy}", null, ALL),
                new Row("PATCH", "/api/v1/fleet/global/policies/{globalPolicy}", "{\"description\": \"d\"}", WRITERS),
                new Row("POST", "/api/v1/fleet/global/policies/delete", "{\"ids\": [999999]}", WRITERS, 404),
                new Row("GET", "/api/v1/fleet/teams", null, ALL),
                new Row("POST", "/api/v1/fleet/teams", "{\"name\": \"{unique}\"}", ADMIN),
                new Row("GET", "/api/v1/fleet/teams/{team1}", null, ALL),
                new Row("GET", "/api/v1/fleet/teams/{team2}", null, GLOBAL),
                new Row("PATCH", "/api/v1/fleet/teams/{team1}", "{\"description\": \"Team one\"}", ADMIN),
                new Row("DELETE", "/api/v1/fleet/teams/{freshTeam}", null, ADMIN),
                new Row("GET", "/api/v1/fleet/teams/{team1}/secrets", null, TEAM_WRITERS),
                new Row("GET", "/api/v1/fleet/teams/{team2}/secrets", null, WRITERS),
                new Row("PATCH", "/api/v1/fleet/teams/{team1}/secrets", "{\"secrets\": [{\"secret\": \"{team1Secret}\"}]}",
                        TEAM_WRITERS),
                new Row("GET", "/api/v1/fleet/teams/{team1}/policies", null, ALL),
                new Row("GET", "/api/v1/fleet/teams/{team2}/policies", null, GLOBAL),
                new Row("POST", "/api/v1/fleet/teams/{team1}/policies", policy, TEAM_WRITERS),
                new Row("POST", "/api/v1/fleet/teams/{team2}/policies", policy, WRITERS),
                new Row("GET", "/api/v1/fleet/teams/{team1}/policies/{teamPolicy}", null, ALL),
                new Row("PATCH", "/api/v1/fleet/teams/{team1}/policies/{teamPolicy}", "{\"description\": \"d\"}", TEAM_WRITERS),
                new Row("POST", "/api/v1/fleet/teams/{team1}/policies/delete", "{\"ids\": [999999]}", TEAM_WRITERS, 404),
                new Row("GET", "/api/v1/fleet/hosts", null, GLOBAL),
                new Row("GET", "/api/v1/fleet/hosts/count", null, GLOBAL),
                new Row("GET", "/api/v1/fleet/hosts/count?team_id={team1}", null, ALL),
                new Row("GET", "/api/v1/fleet/hosts?team_id={team1}", null, ALL),
                new Row("GET", "/api/v1/fleet/hosts?team_id={team2}", null, GLOBAL),
                new Row("GET", "/api/v1/fleet/hosts/{host1}", null, ALL),
                new Row("GET", "/api/v1/fleet/hosts/{host0}", null, GLOBAL),
                new Row("GET", "/api/v1/fleet/hosts/identifier/{host1Uuid}", null, ALL),
                new Row("POST", "/api/v1/fleet/hosts/transfer", "{\"team_id\": {team1}, \"hosts\": [{host1}]}", TEAM_WRITERS),
                new Row("POST", "/api/v1/fleet/hosts/transfer", "{\"team_id\": null, \"hosts\": [{host0}]}", WRITERS),
                new Row("POST", "/api/v1/fleet/hosts/{host1}/refetch", null, TEAM_WRITERS),
                new Row("POST", "/api/v1/fleet/hosts/{host0}/refetch", null, WRITERS),
                new Row("GET", "/api/v1/fleet/hosts/{host1}/device_url", null, TEAM_WRITERS),
                new Row("DELETE", "/api/v1/fleet/hosts/999999", null, TEAM_WRITERS, 404),
                new Row("GET", "/api/v1/fleet/users", null, ADMIN),
                new Row("POST", "/api/v1/fleet/users/admin", user, ADMIN),
                new Row("POST", "/api/v1/fleet/users", user, ADMIN),
                new Row("GET", "/api/v1/fleet/users/{someUser}", null, ADMIN),
                new Row("PATCH", "/api/v1/fleet/users/{someUser}", "{\"name\": \"Renamed\"}", ADMIN),
                new Row("DELETE", "/api/v1/fleet/users/{freshUser}", null, ADMIN));
    }

    /** The users, teams, hosts and policies the table refers to; made once per run. */
    static final class World {
        final Map<Who, Api> clients = new EnumMap<>(Who.class);
        final Map<String, String> values = new java.util.HashMap<>();
        final Api admin;

        World(PortcullisServer server) {
            admin = server.admin();
            String team1Secret = Fixtures.unique("team1-secret");
            JsonObject team1 = Fixtures.team(admin, team1Secret, false);
            JsonObject team2 = Fixtures.team(admin, Fixtures.unique("team2-secret"), false);
            long t1 = team1.getJsonNumber("id").longValue();
            values.put("team1", Long.toString(t1));
            values.put("team2", team2.getJsonNumber("id").toString());
            values.put("team1Secret", team1Secret);

            JsonObject spec = Fixtures.ok(admin.get("/api/v1/fleet/spec/enroll_secret")).getJsonObject("spec");
            String globalSecret;
            if (spec.getJsonArray("secrets").isEmpty()) {
                globalSecret = Fixtures.unique("global-secret");
                Fixtures.ok(admin.post("/api/v1/fleet/spec/enroll_secret",
                        "{\"spec\": {\"secrets\": [{\"secret\": \"" + globalSecret + "\"}]}}"));
                spec = Fixtures.ok(admin.get("/api/v1/fleet/spec/enroll_secret")).getJsonObject("spec");
            }
            globalSecret = spec.getJsonArray("secrets").getJsonObject(0).getString("secret");
            values.put("globalSecret", globalSecret);
            values.put("globalSecretsSpec", "{\"spec\": {\"secrets\": " + spec.getJsonArray("secrets").stream()
                    .map(s -> "{\"secret\": \"" + s.asJsonObject().getString("secret") + "\"}")
                    .collect(Collectors.joining(", ", "[", "]")) + "}}");

            String uuid1 = UUID.randomUUID().toString().toUpperCase();
            assertEquals(200, new Agent(server, uuid1, "team-mac").enroll(team1Secret).status());
            String uuid0 = UUID.randomUUID().toString().toUpperCase();
            assertEquals(200, new Agent(server, uuid0, "no-team-mac").enroll(globalSecret).status());
            values.put("host1Uuid", uuid1);
            values.put("host1", hostId(uuid1));
            values.put("host0", hostId(uuid0));

            values.put("globalPolicy", Fixtures.policy(admin, null, Fixtures.unique("global"), false, false)
                    .getJsonNumber("id").toString());
            values.put("teamPolicy", Fixtures.policy(admin, t1, Fixtures.unique("team"), false, false)
                    .getJsonNumber("id").toString());

            clients.put(Who.ADMIN, admin);
            clients.put(Who.MAINTAINER, userWith(server, "\"global_role\": \"maintainer\""));
            clients.put(Who.OBSERVER, userWith(server, "\"global_role\": \"observer\""));
            clients.put(Who.TEAM_MAINTAINER, userWith(server, "\"teams\": [{\"id\": " + t1 + ", \"role\": \"maintainer\"}]"));
            clients.put(Who.TEAM_OBSERVER, userWith(server, "\"teams\": [{\"id\": " + t1 + ", \"role\": \"observer\"}]"));
            values.put("someUser", Long.toString(createUser(admin, "\"global_role\": \"observer\"")));
        }

        private String hostId(String uuid) {
            return Fixtures.ok(admin.get("/api/v1/fleet/hosts/identifier/" + uuid)).getJsonObject("host")
                    .getJsonNumber("id").toString();
        }

        private Api userWith(PortcullisServer server, String roles) {
            String email = Fixtures.unique("user") + "@portcullis.test";
            createUser(admin, email, roles);
            return server.api().withToken(login(server, email, PASSWORD));
        }

        /** Fills a template; fresh targets for deletions are made now, by the admin. */
        String resolve(String template) {
            if (template == null) {
                return null;
            }
            String s = template;
            while (s.contains("{unique}")) {
                s = s.replaceFirst("\\{unique}", Fixtures.unique("x"));
            }
            if (s.contains("{freshTeam}")) {
                s = s.replace("{freshTeam}", Fixtures.team(admin, Fixtures.unique("fresh"), false)
                        .getJsonNumber("id").toString());
            }
            if (s.contains("{freshUser}")) {
                s = s.replace("{freshUser}", Long.toString(createUser(admin, "\"global_role\": \"observer\"")));
            }
            for (Map.Entry<String, String> v : values.entrySet()) {
                s = s.replace("{" + v.getKey() + "}", v.getValue());
            }
            return s;
        }
    }

    static long createUser(Api admin, String roles) {
        return createUser(admin, Fixtures.unique("user") + "@portcullis.test", roles);
    }

    static long createUser(Api admin, String email, String roles) {
        JsonObject created = Fixtures.ok(admin.post("/api/v1/fleet/users/admin", """
                {"name": "Test User", "email": "%s", "password": "%s", %s}""".formatted(email, PASSWORD, roles)));
        return created.getJsonObject("user").getJsonNumber("id").longValue();
    }

    static String login(PortcullisServer server, String email, String password) {
        return Fixtures.ok(server.api().post("/api/v1/fleet/login",
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password))).getString("token");
    }

    private static World world;

    private static synchronized World world(PortcullisServer server) {
        if (world == null) {
            world = new World(server);
        }
        return world;
    }

    static Api.Response call(Api api, String method, String path, String body) {
        return switch (method) {
            case "GET" -> api.get(path);
            case "POST" -> body == null || body.isEmpty() ? api.post(path) : api.post(path, body);
            case "PATCH" -> api.patch(path, body);
            case "DELETE" -> api.delete(path);
            default -> throw new IllegalArgumentException(method);
        };
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRole(PortcullisServer server) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : table()) {
            tests.add(DynamicTest.dynamicTest(row + " without a token: 401", () -> {
                World w = world(server);
                Api.Response r = call(server.api(), row.method(), w.resolve(row.path()), w.resolve(row.body()));
                assertEquals(401, r.status(), row + " -> " + r);
            }));
            for (Who who : Who.values()) {
                boolean allowed = row.allowed().contains(who);
                tests.add(DynamicTest.dynamicTest(row + " as " + who + ": " + (allowed ? "allowed" : "403"), () -> {
                    World w = world(server);
                    Api.Response r = call(w.clients.get(who), row.method(), w.resolve(row.path()), w.resolve(row.body()));
                    assertFalse(r.body().contains("PRIVATE KEY"), row + " as " + who + " returned a private key");
                    // An enroll secret enrolls hosts: only those who may change its team (or the global ones) read it.
                    if (!TEAM_WRITERS.contains(who)) {
                        assertFalse(r.body().contains(w.values.get("team1Secret")), row + " as " + who + " returned a team secret");
                    }
                    if (!WRITERS.contains(who)) {
                        assertFalse(r.body().contains(w.values.get("globalSecret")), row + " as " + who + " returned a global secret");
                    }
                    if (allowed) {
                        boolean ok = (r.status() >= 200 && r.status() < 300) || r.status() == row.normal4xx();
                        assertTrue(ok, row + " as " + who + " should be allowed -> " + r);
                    } else {
                        assertEquals(403, r.status(), row + " as " + who + " -> " + r);
                        assertEquals("forbidden", r.json().getString("message"));
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** Endpoints that take no bearer token (or are covered by their own test), as "METHOD /path" with {} for parameters. */
    private static final Set<String> NOT_IN_TABLE = Set.of(
            "POST /api/v1/setup", "POST /api/v1/fleet/login",
            "POST /api/v1/fleet/logout", // UsersIT.logoutEndsTheSession
            "GET /api/v1/fleet/device/{}", "GET /api/v1/fleet/device/{}/policies", "POST /api/v1/fleet/device/{}/refetch",
            "POST /api/v1/fleet/device/{}/bypass_conditional_access");

    /** Reads the JAX-RS annotations of web/api, so an endpoint added without a row here fails the build. */
    @org.junit.jupiter.api.Test
    void theTableCoversEveryEndpointInWebApi() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("..", "web", "src", "main", "java", "dev", "portcullis", "web", "api");
        Set<String> declared = new java.util.TreeSet<>();
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith("Resource.java")).toList()) {
                declared.addAll(endpointsIn(java.nio.file.Files.readAllLines(file)));
            }
        }
        Set<String> listed = table().stream().map(r -> r.method() + " " + normalise(r.path()))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        listed.addAll(NOT_IN_TABLE);
        Set<String> missing = new java.util.TreeSet<>(declared);
        missing.removeAll(listed);
        assertTrue(declared.size() > 30, "found only " + declared);
        assertTrue(missing.isEmpty(), "endpoints without a row in RolesIT.table(): " + missing);
    }

    private static List<String> endpointsIn(List<String> lines) {
        java.util.regex.Pattern path = java.util.regex.Pattern.compile("^\\s*@Path\\(\"([^\"]*)\"\\)");
        java.util.regex.Pattern verb = java.util.regex.Pattern.compile("^\\s*@(GET|POST|PUT|PATCH|DELETE)\\s*$");
        String base = null;
        String method = null;
        String sub = "";
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            var p = path.matcher(line);
            var v = verb.matcher(line);
            if (base == null && p.find()) {
                base = p.group(1);
            } else if (v.find()) {
                method = v.group(1);
                sub = "";
            } else if (method != null && p.find()) {
                sub = p.group(1);
            } else if (method != null && line.strip().startsWith("public ")) {
                found.add(method + " " + normalise("/api/" + base + (sub.isEmpty() ? "" : "/" + sub)));
                method = null;
            }
        }
        return found;
    }

    private static String normalise(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return p.replaceAll("\\{[^}]*}", "{}").replaceAll("/[0-9]+(?=/|$)", "/{}").replaceAll("//+", "/");
    }

    @org.junit.jupiter.api.Test
    void teamsCarryTheirEnrollSecretsOnlyForThoseWhoMayChangeThem(PortcullisServer server) {
        World w = world(server);
        String team1 = w.values.get("team1");
        for (Who who : Who.values()) {
            Api api = w.clients.get(who);
            JsonObject listed = Fixtures.ok(api.get("/api/v1/fleet/teams")).getJsonArray("teams").stream()
                    .map(jakarta.json.JsonValue::asJsonObject).filter(t -> t.getJsonNumber("id").toString().equals(team1))
                    .findFirst().orElseThrow(() -> new AssertionError(who + " does not see team " + team1));
            JsonObject single = Fixtures.ok(api.get("/api/v1/fleet/teams/" + team1)).getJsonObject("team");
            for (JsonObject team : List.of(listed, single)) {
                var secrets = team.getJsonArray("secrets").stream().map(s -> s.asJsonObject().getString("secret")).toList();
                if (TEAM_WRITERS.contains(who)) {
                    assertEquals(List.of(w.values.get("team1Secret")), secrets, who + " may change the team and sees its secret");
                } else {
                    assertEquals(List.of(), secrets, who + " only reads the team and must not see its secrets");
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void observerReadsButCannotChangeConditionalAccess(PortcullisServer server) {
        World w = world(server);
        Api observer = w.clients.get(Who.OBSERVER);
        boolean before = Fixtures.ok(observer.get("/api/v1/fleet/config")).getJsonObject("conditional_access")
                .getBoolean("bypass_disabled");
        Api.Response r = observer.patch("/api/v1/fleet/config",
                "{\"conditional_access\": {\"bypass_disabled\": " + !before + "}}");
        assertEquals(403, r.status(), r.toString());
        JsonObject config = Fixtures.ok(w.admin.get("/api/v1/fleet/config"));
        assertEquals(before, config.getJsonObject("conditional_access").getBoolean("bypass_disabled"));
    }
}
