package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PortcullisServer.Extension.class)
class UsersIT {

    private static final String PASSWORD = RolesIT.PASSWORD;

    private static String email() {
        return Fixtures.unique("user") + "@portcullis.test";
    }

    private static Set<String> errorFields(Api.Response r) {
        return r.json().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("name"))
                .collect(Collectors.toSet());
    }

    @Test
    void adminCreatesListsChangesAndDeletesUsers(PortcullisServer server) {
        Api admin = server.admin();
        String email = email();
        JsonObject created = Fixtures.ok(admin.post("/api/v1/fleet/users/admin", """
                {"name": "Olive Observer", "email": "%s", "password": "%s", "global_role": "observer", "api_only": true}
                """.formatted(email, PASSWORD))).getJsonObject("user");
        long id = created.getJsonNumber("id").longValue();
        assertEquals("observer", created.getString("global_role"));
        assertTrue(created.getBoolean("api_only"));
        assertTrue(created.getJsonArray("teams").isEmpty());

        JsonObject listed = Fixtures.ok(admin.get("/api/v1/fleet/users")).getJsonArray("users").stream()
                .map(JsonValue::asJsonObject).filter(u -> u.getString("email").equals(email)).findFirst().orElseThrow();
        assertEquals("Olive Observer", listed.getString("name"));

        JsonObject changed = Fixtures.ok(admin.patch("/api/v1/fleet/users/" + id,
                "{\"name\": \"Olive Maintainer\", \"global_role\": \"maintainer\"}")).getJsonObject("user");
        assertEquals("maintainer", changed.getString("global_role"));
        assertEquals("Olive Maintainer", Fixtures.ok(admin.get("/api/v1/fleet/users/" + id))
                .getJsonObject("user").getString("name"));
        String token = RolesIT.login(server, email, PASSWORD);
        assertEquals("maintainer", Fixtures.ok(server.api().withToken(token).get("/api/v1/fleet/me"))
                .getJsonObject("user").getString("global_role"));

        assertEquals(200, admin.delete("/api/v1/fleet/users/" + id).status());
        assertEquals(404, admin.get("/api/v1/fleet/users/" + id).status());
        assertEquals(401, server.api().withToken(token).get("/api/v1/fleet/me").status());
        assertEquals(401, server.api().post("/api/v1/fleet/login",
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, PASSWORD)).status());
    }

    @Test
    void aUserWithTeamRolesShowsThemWithTheTeamName(PortcullisServer server) {
        Api admin = server.admin();
        JsonObject team = Fixtures.team(admin, Fixtures.unique("secret"), false);
        long teamId = team.getJsonNumber("id").longValue();
        JsonObject user = Fixtures.ok(admin.post("/api/v1/fleet/users", """
                {"name": "Tess Team", "email": "%s", "password": "%s", "teams": [{"id": %d, "role": "observer"}]}
                """.formatted(email(), PASSWORD, teamId))).getJsonObject("user");
        assertTrue(user.isNull("global_role"));
        JsonObject role = user.getJsonArray("teams").getJsonObject(0);
        assertEquals(teamId, role.getJsonNumber("id").longValue());
        assertEquals(team.getString("name"), role.getString("name"));
        assertEquals("observer", role.getString("role"));

        String email = user.getString("email");
        JsonObject login = Fixtures.ok(server.api().post("/api/v1/fleet/login",
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, PASSWORD)));
        assertEquals(teamId, login.getJsonArray("available_teams").getJsonObject(0).getJsonNumber("id").longValue());
        JsonObject me = Fixtures.ok(server.api().withToken(login.getString("token")).get("/api/v1/fleet/me"));
        assertEquals("observer", me.getJsonObject("user").getJsonArray("teams").getJsonObject(0).getString("role"));
        assertEquals(1, me.getJsonArray("available_teams").size());
    }

    @Test
    void invalidUsersAre422NamingTheFields(PortcullisServer server) {
        Api admin = server.admin();
        Api.Response r = admin.post("/api/v1/fleet/users/admin",
                "{\"name\": \"\", \"email\": \"not-an-email\", \"password\": \"%s\", \"global_role\": \"observer\"}"
                        .formatted(PASSWORD));
        assertEquals(422, r.status(), r.toString());
        assertEquals(Set.of("name", "email"), errorFields(r));

        Api.Response role = admin.post("/api/v1/fleet/users/admin",
                "{\"name\": \"R\", \"email\": \"%s\", \"password\": \"%s\", \"global_role\": \"superuser\"}"
                        .formatted(email(), PASSWORD));
        assertEquals(422, role.status(), role.toString());
        assertEquals(Set.of("global_role"), errorFields(role));

        Api.Response both = admin.post("/api/v1/fleet/users/admin", """
                {"name": "B", "email": "%s", "password": "%s", "global_role": "observer", "teams": [{"id": 1, "role": "observer"}]}
                """.formatted(email(), PASSWORD));
        assertEquals(422, both.status(), both.toString());
        assertTrue(errorFields(both).contains("global_role"));

        Api.Response none = admin.post("/api/v1/fleet/users/admin",
                "{\"name\": \"N\", \"email\": \"%s\", \"password\": \"%s\"}".formatted(email(), PASSWORD));
        assertEquals(422, none.status(), none.toString());
    }

    @Test
    void annotatedContractConstraintsAre422NamingTheJsonField(PortcullisServer server) {
        Api admin = server.admin();
        // The name's length is declared only as a constraint on UserService.UserDraft.
        Api.Response longName = admin.post("/api/v1/fleet/users/admin",
                "{\"name\": \"%s\", \"email\": \"%s\", \"password\": \"%s\", \"global_role\": \"observer\"}"
                        .formatted("n".repeat(256), email(), PASSWORD));
        assertEquals(422, longName.status(), longName.toString());
        assertEquals("Validation Failed", longName.json().getString("message"));
        assertEquals(1, longName.json().getJsonArray("errors").size(), longName.toString());
        JsonObject error = longName.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("name", error.getString("name"));
        assertEquals("name must be at most 255 characters", error.getString("reason"));
        assertFalse(longName.body().contains("Exception"), longName.body());

        // A camelCase component (SettingsChange.orgName) is named as its JSON field.
        Api.Response blankOrg = admin.patch("/api/v1/fleet/config", "{\"org_info\": {\"org_name\": \"   \"}}");
        assertEquals(422, blankOrg.status(), blankOrg.toString());
        JsonObject orgError = blankOrg.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("org_name", orgError.getString("name"));
        assertEquals("org_name must not be empty", orgError.getString("reason"));
    }

    @Test
    void passwordsFollowFleetsRule(PortcullisServer server) {
        Api admin = server.admin();
        for (String weak : new String[] {"short-1!", "no-digits-at-all!", "noSymbolsHere123", ""}) {
            Api.Response r = admin.post("/api/v1/fleet/users/admin",
                    "{\"name\": \"W\", \"email\": \"%s\", \"password\": \"%s\", \"global_role\": \"observer\"}"
                            .formatted(email(), weak));
            assertEquals(422, r.status(), weak + " -> " + r);
            assertEquals(Set.of("password"), errorFields(r));
        }
    }

    @Test
    void aDuplicateEmailIs409(PortcullisServer server) {
        Api admin = server.admin();
        String email = email();
        String body = "{\"name\": \"D\", \"email\": \"%s\", \"password\": \"%s\", \"global_role\": \"observer\"}";
        Fixtures.ok(admin.post("/api/v1/fleet/users/admin", body.formatted(email, PASSWORD)));
        Api.Response again = admin.post("/api/v1/fleet/users/admin", body.formatted(email.toUpperCase(), PASSWORD));
        assertEquals(409, again.status(), again.toString());
    }

    @Test
    void adminsCannotDeleteThemselvesNorRemoveTheLastAdmin(PortcullisServer server) {
        Api admin = server.admin();
        long me = Fixtures.ok(admin.get("/api/v1/fleet/me")).getJsonObject("user").getJsonNumber("id").longValue();
        assertEquals(409, admin.delete("/api/v1/fleet/users/" + me).status());
        long admins = Fixtures.ok(admin.get("/api/v1/fleet/users")).getJsonArray("users").stream()
                .filter(u -> "admin".equals(u.asJsonObject().getString("global_role", null))).count();
        if (admins == 1) {
            Api.Response r = admin.patch("/api/v1/fleet/users/" + me, "{\"global_role\": \"observer\"}");
            assertEquals(409, r.status(), r.toString());
        }
        assertEquals("admin", Fixtures.ok(admin.get("/api/v1/fleet/me")).getJsonObject("user").getString("global_role"));
    }

    @Test
    void repeatedFailedLoginsAreRateLimited(PortcullisServer server) {
        String email = email();
        Fixtures.ok(server.admin().post("/api/v1/fleet/users/admin",
                "{\"name\": \"L\", \"email\": \"%s\", \"password\": \"%s\", \"global_role\": \"observer\"}"
                        .formatted(email, PASSWORD)));
        String wrong = "{\"email\": \"%s\", \"password\": \"Wrong-passw0rd!\"}".formatted(email);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, server.api().post("/api/v1/fleet/login", wrong).status());
        }
        Api.Response limited = server.api().post("/api/v1/fleet/login", wrong);
        assertEquals(429, limited.status(), limited.toString());
        assertNotNull(limited.header("Retry-After"));
        assertTrue(Long.parseLong(limited.header("Retry-After")) > 0);
        // Even the right password waits: the attempt is refused before it is checked.
        assertEquals(429, server.api().post("/api/v1/fleet/login",
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, PASSWORD)).status());
    }

    @Test
    void logoutEndsTheSession(PortcullisServer server) {
        String email = email();
        Fixtures.ok(server.admin().post("/api/v1/fleet/users/admin",
                "{\"name\": \"O\", \"email\": \"%s\", \"password\": \"%s\", \"global_role\": \"observer\"}"
                        .formatted(email, PASSWORD)));
        Api user = server.api().withToken(RolesIT.login(server, email, PASSWORD));
        assertEquals(email, Fixtures.ok(user.get("/api/v1/fleet/me")).getJsonObject("user").getString("email"));
        assertEquals(200, user.post("/api/v1/fleet/logout").status());
        assertEquals(401, user.get("/api/v1/fleet/me").status());
        assertEquals(401, user.get("/api/v1/fleet/config").status());
    }
}
