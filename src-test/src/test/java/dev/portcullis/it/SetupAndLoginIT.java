package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PortcullisServer.Extension.class)
class SetupAndLoginIT {

    private static final String SECOND_SETUP = """
            {"admin": {"email": "intruder@portcullis.test", "name": "Mallory", "password": "Another-secret-42",
                       "password_confirmation": "Another-secret-42"},
             "org_info": {"org_name": "Taken over"}, "server_url": "https://evil.test"}
            """;

    @Test
    void setupCreatesTheFirstAdminAndIsThenRefused(PortcullisServer server) {
        Api.Response first = server.firstSetup();
        JsonObject body = first.json();
        assertEquals(PortcullisServer.ADMIN_EMAIL, body.getJsonObject("admin").getString("email"));
        assertEquals("admin", body.getJsonObject("admin").getString("global_role"));
        assertEquals("Portcullis Test", body.getJsonObject("org_info").getString("org_name"));
        assertFalse(body.getString("token").isBlank());

        Api.Response again = server.api().post("/api/v1/setup", SECOND_SETUP);
        assertEquals(409, again.status(), again.toString());
        assertEquals(401, server.api().post("/api/v1/fleet/login",
                "{\"email\": \"intruder@portcullis.test\", \"password\": \"Another-secret-42\"}").status());
        JsonObject config = Fixtures.ok(server.admin().get("/api/v1/fleet/config"));
        assertEquals("Portcullis Test", config.getJsonObject("org_info").getString("org_name"));
    }

    @Test
    void loginWithTheRightPasswordGivesAWorkingToken(PortcullisServer server) {
        server.admin();
        JsonObject login = Fixtures.ok(server.api().post("/api/v1/fleet/login", """
                {"email": "%s", "password": "%s"}""".formatted(PortcullisServer.ADMIN_EMAIL, PortcullisServer.ADMIN_PASSWORD)));
        assertEquals("admin", login.getJsonObject("user").getString("global_role"));
        String token = login.getString("token");
        assertTrue(token.length() >= 43, token);
        assertEquals(200, server.api().withToken(token).get("/api/v1/fleet/config").status());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameGeneric401(PortcullisServer server) {
        server.admin();
        Api.Response wrong = server.api().post("/api/v1/fleet/login",
                "{\"email\": \"%s\", \"password\": \"Not-the-password-1\"}".formatted(PortcullisServer.ADMIN_EMAIL));
        Api.Response unknown = server.api().post("/api/v1/fleet/login",
                "{\"email\": \"nobody@portcullis.test\", \"password\": \"Not-the-password-1\"}");
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.json().getString("message"), unknown.json().getString("message"));
        assertFalse(wrong.body().contains("Exception"));
    }

    @Test
    void adminEndpointsNeedAValidToken(PortcullisServer server) {
        assertEquals(401, server.api().get("/api/v1/fleet/teams").status());
        Api.Response forged = server.api().withToken("forged-token").get("/api/v1/fleet/hosts");
        assertEquals(401, forged.status());
        assertEquals("Authentication required", forged.json().getString("message"));
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError(PortcullisServer server) {
        Api.Response r = server.api().post("/api/v1/fleet/login", "{\"email\": ");
        assertEquals(400, r.status(), r.toString());
        assertEquals("base", r.json().getJsonArray("errors").getJsonObject(0).getString("name"));
    }
}
