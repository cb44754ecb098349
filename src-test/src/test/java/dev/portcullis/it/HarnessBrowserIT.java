package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.it.peers.BrowserScript;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The browser harness itself: Debian's chromium, driven by playwright-core, opens a My device page. */
@ExtendWith(PortcullisServer.Extension.class)
class HarnessBrowserIT {

    @Test
    void chromiumOpensTheMyDevicePageAndTakesAScreenshot(PortcullisServer server) throws Exception {
        Api admin = server.admin();
        String secret = Fixtures.unique("harness");
        long team = Fixtures.team(admin, secret, true).getJsonNumber("id").longValue();
        JsonObject policy = Fixtures.policy(admin, team, Fixtures.unique("Harness policy"), false, true);
        String hostname = Fixtures.unique("harness-mac");
        Agent agent = new Agent(server, UUID.randomUUID().toString().toUpperCase(), hostname);
        Fixtures.ok(agent.enroll(secret));
        agent.read();
        Fixtures.ok(agent.write(Map.of(Fixtures.queryName(policy), Agent.Result.FAIL), agent.details()));
        long hostId = Fixtures.ok(admin.get("/api/v1/fleet/hosts/identifier/" + agent.hardwareUuid()))
                .getJsonObject("host").getJsonNumber("id").longValue();
        String token = Fixtures.ok(admin.get("/api/v1/fleet/hosts/" + hostId + "/device_url")).getString("device_token");

        String scenario = Json.createObjectBuilder().add("token", token).add("deviceName", hostname)
                .add("policyName", policy.getString("name")).build().toString();
        BrowserScript.Result run = BrowserScript.run("harness", server.baseUrl(), scenario, Duration.ofMinutes(2));
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(Files.size(BrowserScript.screenshotDir("harness").resolve("device-page.png")) > 0);

        JsonObject host = Fixtures.ok(admin.get("/api/v1/fleet/hosts/" + hostId)).getJsonObject("host");
        assertFalse(host.getBoolean("bypass_pending"), "looking at the page changes nothing");
        assertFalse(host.getBoolean("refetch_requested"), "looking at the page changes nothing");
    }
}
