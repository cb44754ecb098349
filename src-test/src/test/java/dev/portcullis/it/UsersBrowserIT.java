package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.it.peers.BrowserScript;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Users in the admin console, in a real browser: the administrator creates an observer (a weak
 * password and a taken email refused on their fields first), then the observer signs in and sees
 * hosts and their policies but no button that would change anything, and no Users page.
 */
class UsersBrowserIT {

    @Test
    void anAdministratorCreatesAnObserverWhoCanLookButNotTouch() throws Exception {
        PortcullisServer server = PortcullisServer.shared();
        String secret = Fixtures.unique("users-console");
        long teamId = Fixtures.team(server.admin(), secret, true).getJsonNumber("id").longValue();
        JsonObject policy = Fixtures.policy(server.admin(), teamId, Fixtures.unique("FileVault on"), false, true);
        String hostname = Fixtures.unique("observed-mac");
        String uuid = UUID.randomUUID().toString().toUpperCase();
        Agent agent = new Agent(server, uuid, hostname);
        Fixtures.ok(agent.enroll(secret));
        agent.read();
        Fixtures.ok(agent.write(Map.of(Fixtures.queryName(policy), Agent.Result.FAIL), agent.details()));
        long hostId = Fixtures.ok(server.admin().get("/api/v1/fleet/hosts/identifier/" + uuid))
                .getJsonObject("host").getJsonNumber("id").longValue();

        String email = Fixtures.unique("olive") + "@example.com";
        String password = "Observer-pass-2026!";
        JsonObject scenario = Json.createObjectBuilder()
                .add("adminEmail", PortcullisServer.ADMIN_EMAIL).add("adminPassword", PortcullisServer.ADMIN_PASSWORD)
                .add("name", "Olive Observer").add("email", email).add("password", password)
                .add("hostname", hostname).add("hostId", hostId).add("teamId", teamId).add("policy", policy.getString("name")).build();
        BrowserScript.Result run = BrowserScript.run("users", server.baseUrl(), scenario.toString(), Duration.ofMinutes(4));
        assertEquals(0, run.exitCode(), run.output() + "\nserver log:\n" + server.logTail(40));

        JsonObject created = Fixtures.ok(server.admin().get("/api/v1/fleet/users")).getJsonArray("users").stream()
                .map(JsonValue::asJsonObject).filter(u -> u.getString("email").equals(email)).findFirst()
                .orElseThrow(() -> new AssertionError("the console created no user " + email));
        assertEquals("Olive Observer", created.getString("name"));
        assertEquals("observer", created.getString("global_role"));
        Api.Response login = server.api().post("/api/v1/fleet/login",
                Json.createObjectBuilder().add("email", email).add("password", password).build().toString());
        assertEquals(200, login.status(), login.toString());
        // The observer's session changed nothing: the host is still there, not asked to refetch.
        JsonObject host = Fixtures.ok(server.admin().get("/api/v1/fleet/hosts/" + hostId)).getJsonObject("host");
        assertEquals(false, host.getBoolean("refetch_requested"));
    }
}
