package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.it.peers.Browser;
import dev.portcullis.it.peers.BrowserScript;
import dev.portcullis.it.peers.OktaSp;
import dev.portcullis.it.peers.ScepDevice;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The hosts pages of the admin console in a real browser: three Macs in a team with a failing
 * gating policy (one with a policy error and a blocked sign-in), found by name and by policy
 * failing, one opened, refetched and moved to another team, another deleted; then the activity
 * feed and the sign-in decisions. The server's state is checked through the API afterwards.
 */
class HostsBrowserIT {

    static final String AUDIENCE = "https://www.okta.com/saml2/service-provider/sphostsconsole";
    static final String ACS = "https://portcullis-test.okta.com/sso/saml2/0oahostsconsole";

    /** A Mac enrolled through its agent, with a client certificate from SCEP when {@code browser} is set. */
    record Mac(Agent agent, long hostId, String hostname, Browser browser) {
    }

    static Mac mac(PortcullisServer server, String secret, String hostname, boolean withCertificate) throws Exception {
        String uuid = UUID.randomUUID().toString().toUpperCase();
        Agent agent = new Agent(server, uuid, hostname);
        Fixtures.ok(agent.enroll(secret));
        long id = Fixtures.ok(server.admin().get("/api/v1/fleet/hosts/identifier/" + uuid))
                .getJsonObject("host").getJsonNumber("id").longValue();
        Browser browser = null;
        if (withCertificate) {
            ScepDevice device = new ScepDevice();
            assertTrue(device.enroll(server.baseUrl() + "/api/fleet/conditional_access/scep", device.csr(uuid, secret)).isSuccess());
            browser = Browser.trustingAnyServer(device.privateKey(), device.issued());
        }
        return new Mac(agent, id, hostname, browser);
    }

    static void report(Mac mac, Map<String, Agent.Result> results) {
        mac.agent().read();
        Fixtures.ok(mac.agent().write(results, mac.agent().details()));
    }

    @Test
    void anAdministratorFindsInspectsRefetchesTransfersAndDeletesHosts() throws Exception {
        PortcullisServer server = PortcullisServer.shared();
        OktaSp okta = Fixtures.connectOkta(server, "hosts-console", "0oahostsconsole", AUDIENCE, ACS);
        String secret = Fixtures.unique("hosts-console");
        JsonObject team = Fixtures.team(server.admin(), secret, true);
        long teamId = team.getJsonNumber("id").longValue();
        JsonObject otherTeam = Fixtures.team(server.admin(), Fixtures.unique("hosts-console-other"), true);
        JsonObject fileVault = Fixtures.policy(server.admin(), teamId, Fixtures.unique("FileVault on"), false, true);
        JsonObject firewall = Fixtures.policy(server.admin(), teamId, Fixtures.unique("Firewall on"), false, false);

        String prefix = Fixtures.unique("console");
        Mac failing = mac(server, secret, prefix + "-failing-mac", true);
        Mac alsoFailing = mac(server, secret, prefix + "-second-mac", true);
        Mac passing = mac(server, secret, prefix + "-passing-mac", false);
        report(failing, Map.of(Fixtures.queryName(fileVault), Agent.Result.FAIL, Fixtures.queryName(firewall), Agent.Result.ERROR));
        report(alsoFailing, Map.of(Fixtures.queryName(fileVault), Agent.Result.FAIL, Fixtures.queryName(firewall), Agent.Result.PASS));
        report(passing, Map.of(Fixtures.queryName(fileVault), Agent.Result.PASS, Fixtures.queryName(firewall), Agent.Result.PASS));

        // A blocked Okta sign-in from the failing Mac, through WildFly's own mTLS listener.
        OktaSp.AuthnRequest request = okta.authn("post", "relay-hosts", "dana@example.com");
        int mtlsPort = 8444 + server.httpsPort() - 8443;
        assertEquals(303, failing.browser().postForm("https://localhost:" + mtlsPort
                + "/api/fleet/conditional_access/idp/sso", request.samlRequest(), request.relayState()).statusCode());

        JsonObject scenario = Json.createObjectBuilder()
                .add("email", PortcullisServer.ADMIN_EMAIL).add("password", PortcullisServer.ADMIN_PASSWORD)
                .add("teamName", team.getString("name")).add("otherTeamName", otherTeam.getString("name"))
                .add("prefix", prefix).add("failingHost", failing.hostname()).add("failingHostId", failing.hostId())
                .add("secondHost", alsoFailing.hostname()).add("secondHostId", alsoFailing.hostId())
                .add("passingHost", passing.hostname())
                .add("gatingPolicy", fileVault.getString("name")).add("erroringPolicy", firewall.getString("name"))
                .add("errorMessage", "no such table: disk_encryption").add("nameId", "dana@example.com").build();
        BrowserScript.Result run = BrowserScript.run("hosts", server.baseUrl(), scenario.toString(), Duration.ofMinutes(5));
        assertEquals(0, run.exitCode(), run.output() + "\nserver log:\n" + server.logTail(40));

        JsonObject after = Fixtures.ok(server.admin().get("/api/v1/fleet/hosts/" + failing.hostId())).getJsonObject("host");
        assertTrue(after.getBoolean("refetch_requested"), "the page asked for a refetch: " + after);
        assertEquals(otherTeam.getJsonNumber("id").longValue(), after.getJsonNumber("team_id").longValue(), "moved: " + after);
        assertEquals(404, server.admin().get("/api/v1/fleet/hosts/" + alsoFailing.hostId()).status(), "deleted");
        assertTrue(Fixtures.ok(server.admin().get("/api/v1/fleet/activities?per_page=100")).getJsonArray("activities")
                .stream().map(JsonValue::asJsonObject).anyMatch(a -> a.getString("type").equals("transferred_hosts")
                        && a.getString("actor_email").equals(PortcullisServer.ADMIN_EMAIL)
                        && a.getJsonObject("details").getJsonArray("host_ids").getJsonNumber(0).longValue() == failing.hostId()),
                "the transfer is in the activity feed with the console user as actor");
        assertTrue(Fixtures.ok(server.admin().get("/api/v1/fleet/activities?per_page=100")).getJsonArray("activities")
                .stream().map(JsonValue::asJsonObject).anyMatch(a -> a.getString("type").equals("deleted_host")
                        && a.getString("actor_email").equals(PortcullisServer.ADMIN_EMAIL)
                        && a.getJsonObject("details").getJsonNumber("host_id").longValue() == alsoFailing.hostId()),
                "the deletion is in the activity feed with the console user as actor");
        assertEquals(200, server.admin().get("/api/v1/fleet/hosts/" + passing.hostId()).status(), "the others stay");
    }
}
