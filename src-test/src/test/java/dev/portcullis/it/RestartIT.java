package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PortcullisServer.Extension.class)
class RestartIT {

    @Test
    void dataSurvivesARestart(PortcullisServer server) {
        Api admin = server.admin();
        String secret = Fixtures.unique("durable");
        long teamId = Fixtures.team(admin, secret, true).getJsonNumber("id").longValue();
        Agent agent = new Agent(server, Fixtures.unique("durable-uuid"), "durable-mac");
        Fixtures.ok(agent.enroll(secret));

        server.restart();

        assertEquals(200, admin.get("/api/v1/fleet/teams/" + teamId).status(), "team and admin session kept");
        assertEquals(200, agent.config().status(), "node key kept");
        assertEquals(409, server.api().post("/api/v1/setup", "{}").status(), "setup stays done");
    }
}
