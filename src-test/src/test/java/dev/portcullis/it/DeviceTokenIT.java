package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The end user's endpoints by device token: only that host's data, refetch, and token expiry. */
@ExtendWith(PortcullisServer.Extension.class)
class DeviceTokenIT {

    private static final String TTL = "portcullis.device.token.ttl.seconds";

    private record Device(Agent agent, long hostId, JsonObject policy) {
    }

    private static Device enrolled(PortcullisServer server, String secret, JsonObject policy) {
        Agent agent = new Agent(server, UUID.randomUUID().toString().toUpperCase(), Fixtures.unique("device-mac"));
        Fixtures.ok(agent.enroll(secret));
        long id = Fixtures.ok(server.admin().get("/api/v1/fleet/hosts/identifier/" + agent.hardwareUuid()))
                .getJsonObject("host").getJsonNumber("id").longValue();
        return new Device(agent, id, policy);
    }

    private static String token(PortcullisServer server, long hostId) {
        return Fixtures.ok(server.admin().get("/api/v1/fleet/hosts/" + hostId + "/device_url")).getString("device_token");
    }

    private static boolean refetchRequested(PortcullisServer server, long hostId) {
        return Fixtures.ok(server.admin().get("/api/v1/fleet/hosts/" + hostId)).getJsonObject("host")
                .getBoolean("refetch_requested");
    }

    @Test
    void deviceEndpointsShowOnlyTheTokensOwnHostAndRefetchReachesTheAgent(PortcullisServer server) {
        Api admin = server.admin();
        String secret = Fixtures.unique("device");
        long team = Fixtures.team(admin, secret, true).getJsonNumber("id").longValue();
        JsonObject policy = Fixtures.policy(admin, team, "Device policy", false, true);
        Device mine = enrolled(server, secret, policy);
        Device other = enrolled(server, secret, policy);
        String token = token(server, mine.hostId());
        assertTrue(token.length() >= 43, "256 random bits, base64url");
        assertEquals(token, token(server, mine.hostId()), "a fresh token is kept");
        assertNotEquals(token, token(server, other.hostId()));

        Api.Response r = server.api().get("/api/v1/fleet/device/" + token);
        JsonObject host = Fixtures.ok(r).getJsonObject("host");
        assertEquals(mine.hostId(), host.getJsonNumber("id").longValue());
        assertEquals(mine.agent().hardwareUuid(), host.getString("uuid"));
        assertEquals("darwin", host.getString("platform"));
        assertEquals("macOS 14.5", host.getString("os_version"));
        // Other tests on the shared server add global policies; this host's team policy must be among them.
        assertTrue(host.getJsonArray("policies").stream().anyMatch(p -> p.asJsonObject().getJsonNumber("id").longValue()
                == policy.getJsonNumber("id").longValue()), host.toString());
        assertFalse(r.body().contains(mine.agent().nodeKey()), "never the node key");
        assertFalse(r.body().contains(token), "never the token itself");
        assertFalse(r.body().contains(other.agent().hardwareUuid()));

        // Enrollment asks for a first run; a distributed write clears it.
        mine.agent().read();
        Fixtures.ok(mine.agent().write(Map.of(Fixtures.queryName(policy), Agent.Result.PASS), mine.agent().details()));
        assertFalse(refetchRequested(server, mine.hostId()));
        assertEquals(0, mine.agent().read().size(), "results are fresh: nothing to run");

        assertEquals(200, server.api().post("/api/v1/fleet/device/" + token + "/refetch").status());
        assertTrue(refetchRequested(server, mine.hostId()));
        assertTrue(mine.agent().read().containsKey(Fixtures.queryName(policy)), "the next read hands out the policies");
        Fixtures.ok(mine.agent().write(Map.of(Fixtures.queryName(policy), Agent.Result.PASS), mine.agent().details()));
        assertFalse(refetchRequested(server, mine.hostId()));

        JsonObject policies = Fixtures.ok(server.api().get("/api/v1/fleet/device/" + token + "/policies"));
        assertEquals("pass", policies.getJsonArray("policies").stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getJsonNumber("id").longValue() == policy.getJsonNumber("id").longValue())
                .findFirst().orElseThrow().getString("response"));
        assertEquals(200, server.api().get("/device/" + token + "/policies").status(), "the My device page");

        for (String bad : new String[] {"not-a-token", "A".repeat(43), "x".repeat(300)}) {
            assertEquals(401, server.api().get("/api/v1/fleet/device/" + bad).status(), bad);
            assertEquals(401, server.api().post("/api/v1/fleet/device/" + bad + "/refetch").status(), bad);
        }
    }

    @Test
    void aTokenOlderThanItsTtlIsRefusedAndANewOneIsIssued(PortcullisServer server) throws Exception {
        String before = System.getProperty(TTL);
        server.setServerProperty(TTL, "6");
        server.restart();
        try {
            Api admin = server.admin();
            String secret = Fixtures.unique("ttl");
            long team = Fixtures.team(admin, secret, true).getJsonNumber("id").longValue();
            Device device = enrolled(server, secret, Fixtures.policy(admin, team, "TTL policy", false, true));
            String first = token(server, device.hostId());
            assertEquals(200, server.api().get("/api/v1/fleet/device/" + first).status());

            Thread.sleep(6_500);
            Api.Response stale = server.api().get("/api/v1/fleet/device/" + first);
            assertEquals(401, stale.status(), stale.toString());
            assertEquals(401, server.api().get("/api/v1/fleet/device/" + first + "/policies").status());
            assertEquals(401, server.api().post("/api/v1/fleet/device/" + first + "/bypass_conditional_access").status());
            assertEquals(404, server.api().get("/device/" + first + "/policies").status(), "the page says the link expired");

            String second = token(server, device.hostId());
            assertNotEquals(first, second);
            assertEquals(device.hostId(), Fixtures.ok(server.api().get("/api/v1/fleet/device/" + second))
                    .getJsonObject("host").getJsonNumber("id").longValue());
            assertEquals(401, server.api().get("/api/v1/fleet/device/" + first).status(), "the old token stays dead");
        } finally {
            server.setServerProperty(TTL, before);
            server.restart();
        }
    }
}
