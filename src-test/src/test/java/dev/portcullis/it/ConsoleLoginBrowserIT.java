package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.it.peers.BrowserScript;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's front door in a real browser, on a server of its own with no users yet: first-run
 * setup (a weak password refused on its field, then the administrator created), logout, a wrong
 * password, login, and a session token that expires (page and Ajax requests go back to login).
 */
class ConsoleLoginBrowserIT {

    static final int SESSION_SECONDS = 25;
    static PortcullisServer server;

    @BeforeAll
    static void startEmptyServer() {
        server = PortcullisServer.startNew(Map.of("portcullis.session.lifetime.seconds", String.valueOf(SESSION_SECONDS)));
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Test
    void firstRunSetupLoginLogoutAndExpiredSession() throws Exception {
        String email = "first.admin@example.com";
        String password = "Sturdy-console-pass-42";
        String scenario = Json.createObjectBuilder().add("name", "Grace Hopper").add("email", email)
                .add("password", password).add("sessionSeconds", SESSION_SECONDS).build().toString();
        BrowserScript.Result run = BrowserScript.run("console-login", server.baseUrl(), scenario, Duration.ofMinutes(3));
        assertEquals(0, run.exitCode(), run.output() + "\n" + server.logTail(40));

        // The administrator the page created is real: the API accepts the password and knows the name.
        Api.Response login = server.api().post("/api/v1/fleet/login",
                Json.createObjectBuilder().add("email", email).add("password", password).build().toString());
        assertEquals(200, login.status(), login.toString());
        JsonObject user = login.json().getJsonObject("user");
        assertEquals("Grace Hopper", user.getString("name"));
        assertEquals("admin", user.getString("global_role"));
        // The refused first attempt saved nothing (else the second would have been refused); setup stays done.
        Api.Response again = server.api().post("/api/v1/setup", """
                {"admin": {"email": "x@example.com", "name": "X", "password": "%s", "password_confirmation": "%s"},
                 "org_info": {"org_name": "X"}, "server_url": "https://x.example.com"}""".formatted(password, password));
        assertEquals(409, again.status(), again.toString());
    }
}
