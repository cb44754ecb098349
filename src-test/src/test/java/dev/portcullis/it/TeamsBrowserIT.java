package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.it.peers.BrowserScript;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Teams and enroll secrets in a real browser. The secrets the page kept and deleted are then tried
 * by an osquery-shaped agent: the kept team secret enrolls a host into the team, the deleted one is
 * refused, the new global secret enrolls a host with no team and the deleted global one is refused.
 */
@ExtendWith(PortcullisServer.Extension.class)
class TeamsBrowserIT {

    @Test
    void anAdministratorManagesTeamsAndTheirEnrollSecrets(PortcullisServer server) throws Exception {
        Api admin = server.admin();
        String team = Fixtures.unique("Design");
        String doomed = Fixtures.unique("Temporary");
        String renamed = Fixtures.unique("Renamed");
        String scenario = Json.createObjectBuilder().add("email", PortcullisServer.ADMIN_EMAIL)
                .add("password", PortcullisServer.ADMIN_PASSWORD)
                .add("adminToken", RolesIT.login(server, PortcullisServer.ADMIN_EMAIL, PortcullisServer.ADMIN_PASSWORD))
                .add("team", team).add("doomedTeam", doomed).add("renamedTeam", renamed).build().toString();

        BrowserScript.Result run = BrowserScript.run("teams", server.baseUrl(), scenario, Duration.ofMinutes(3));
        assertEquals(0, run.exitCode(), run.output() + "\n" + server.logTail(40));
        String kept = printed(run, "KEPT_SECRET");
        String deleted = printed(run, "DELETED_SECRET");
        String global = printed(run, "GLOBAL_SECRET");
        String deletedGlobal = printed(run, "DELETED_GLOBAL_SECRET");

        List<JsonObject> teams = Fixtures.ok(admin.get("/api/v1/fleet/teams")).getJsonArray("teams")
                .getValuesAs(JsonObject.class);
        assertTrue(teams.stream().noneMatch(t -> t.getString("name").equals(doomed) || t.getString("name").equals(renamed)),
                "the renamed, then deleted team is gone");
        JsonObject created = teams.stream().filter(t -> t.getString("name").equals(team)).findFirst().orElseThrow();
        long teamId = created.getJsonNumber("id").longValue();
        List<String> secrets = Fixtures.ok(admin.get("/api/v1/fleet/teams/" + teamId + "/secrets")).getJsonArray("secrets")
                .getValuesAs(JsonObject.class).stream().map(s -> s.getString("secret")).toList();
        assertEquals(List.of(kept), secrets);

        Agent member = new Agent(server, UUID.randomUUID().toString().toUpperCase(), Fixtures.unique("design-mac"));
        Fixtures.ok(member.enroll(kept));
        JsonObject host = Fixtures.ok(admin.get("/api/v1/fleet/hosts/identifier/" + member.hardwareUuid())).getJsonObject("host");
        assertEquals(teamId, host.getJsonNumber("team_id").longValue());
        Agent refused = new Agent(server, UUID.randomUUID().toString().toUpperCase(), Fixtures.unique("old-secret-mac"));
        assertEquals(401, refused.enroll(deleted).status());

        Agent unassigned = new Agent(server, UUID.randomUUID().toString().toUpperCase(), Fixtures.unique("global-mac"));
        Fixtures.ok(unassigned.enroll(global));
        JsonObject globalHost = Fixtures.ok(admin.get("/api/v1/fleet/hosts/identifier/" + unassigned.hardwareUuid())).getJsonObject("host");
        assertEquals(JsonValue.ValueType.NULL, globalHost.get("team_id").getValueType());
        Agent late = new Agent(server, UUID.randomUUID().toString().toUpperCase(), Fixtures.unique("deleted-global-mac"));
        assertEquals(401, late.enroll(deletedGlobal).status());
        assertFalse(kept.equals(deleted));
    }

    private static String printed(BrowserScript.Result run, String name) {
        Matcher m = Pattern.compile("^" + name + "=(\\S+)$", Pattern.MULTILINE).matcher(run.output());
        assertTrue(m.find(), name + " in " + run.output());
        return m.group(1);
    }
}
