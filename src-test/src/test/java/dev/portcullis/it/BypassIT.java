package dev.portcullis.it;

import static dev.portcullis.it.Agent.Result.FAIL;
import static dev.portcullis.it.Agent.Result.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PortcullisServer.Extension.class)
class BypassIT {

    private record Device(Agent agent, long hostId, String token) {
    }

    private static Device enrolledDevice(PortcullisServer server, String secret) {
        Api admin = server.admin();
        String uuid = Fixtures.unique("bypass-uuid");
        Agent agent = new Agent(server, uuid, "bypass-mac");
        Fixtures.ok(agent.enroll(secret));
        long hostId = AgentIT.hostByUuid(admin, uuid).getJsonNumber("id").longValue();
        String token = Fixtures.ok(admin.get("/api/v1/fleet/hosts/" + hostId + "/device_url")).getString("device_token");
        return new Device(agent, hostId, token);
    }

    @Test
    void refusedWhileACriticalGatingPolicyFailsAcceptedOtherwise(PortcullisServer server) {
        Api admin = server.admin();
        String secret = Fixtures.unique("bypass");
        long teamId = Fixtures.team(admin, secret, true).getJsonNumber("id").longValue();
        JsonObject critical = Fixtures.policy(admin, teamId, "Critical", true, true);
        JsonObject ordinary = Fixtures.policy(admin, teamId, "Ordinary", false, true);
        Device device = enrolledDevice(server, secret);
        String bypass = "/api/v1/fleet/device/" + device.token() + "/bypass_conditional_access";

        device.agent().read();
        Fixtures.ok(device.agent().write(Map.of(Fixtures.queryName(critical), FAIL, Fixtures.queryName(ordinary), FAIL)));
        Api.Response refused = server.api().post(bypass);
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.json().getString("message").contains("critical"));
        assertFalse(bypassPending(admin, device.hostId()));

        Fixtures.ok(device.agent().write(Map.of(Fixtures.queryName(critical), PASS, Fixtures.queryName(ordinary), FAIL)));
        assertEquals(200, server.api().post(bypass).status());
        assertTrue(bypassPending(admin, device.hostId()));

        JsonObject policies = Fixtures.ok(server.api().get("/api/v1/fleet/device/" + device.token() + "/policies"));
        assertTrue(policies.getJsonArray("policies").stream().anyMatch(p ->
                p.asJsonObject().getString("name").equals("Ordinary") && p.asJsonObject().getString("response").equals("fail")));
    }

    @Test
    void aCriticalFailureDoesNotGateWhenTheTeamHasConditionalAccessOff(PortcullisServer server) {
        Api admin = server.admin();
        String secret = Fixtures.unique("ungated");
        long teamId = Fixtures.team(admin, secret, false).getJsonNumber("id").longValue();
        JsonObject critical = Fixtures.policy(admin, teamId, "Critical", true, true);
        Device device = enrolledDevice(server, secret);
        Fixtures.ok(device.agent().write(Map.of(Fixtures.queryName(critical), FAIL)));
        assertEquals(200, server.api().post("/api/v1/fleet/device/" + device.token() + "/bypass_conditional_access").status());
    }

    @Test
    void refusedWhenTheAdministratorDisabledBypass(PortcullisServer server) {
        Api admin = server.admin();
        String secret = Fixtures.unique("no-bypass");
        long teamId = Fixtures.team(admin, secret, true).getJsonNumber("id").longValue();
        JsonObject ordinary = Fixtures.policy(admin, teamId, "Ordinary", false, true);
        Device device = enrolledDevice(server, secret);
        Fixtures.ok(device.agent().write(Map.of(Fixtures.queryName(ordinary), FAIL)));
        Fixtures.ok(admin.patch("/api/v1/fleet/config", "{\"conditional_access\": {\"bypass_disabled\": true}}"));
        try {
            Api.Response refused = server.api().post("/api/v1/fleet/device/" + device.token() + "/bypass_conditional_access");
            assertEquals(400, refused.status(), refused.toString());
            assertFalse(bypassPending(admin, device.hostId()));
        } finally {
            Fixtures.ok(admin.patch("/api/v1/fleet/config", "{\"conditional_access\": {\"bypass_disabled\": false}}"));
        }
        assertEquals(200, server.api().post("/api/v1/fleet/device/" + device.token() + "/bypass_conditional_access").status());
    }

    @Test
    void unknownDeviceTokensAreRefused(PortcullisServer server) {
        assertEquals(401, server.api().post("/api/v1/fleet/device/not-a-token/bypass_conditional_access").status());
        assertEquals(401, server.api().get("/api/v1/fleet/device/not-a-token/policies").status());
    }

    private static boolean bypassPending(Api admin, long hostId) {
        return Fixtures.ok(admin.get("/api/v1/fleet/hosts/" + hostId)).getJsonObject("host").getBoolean("bypass_pending");
    }
}
