package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Input meant to hurt: each gets a clear 4xx, never a 500, and leaves no secret in the log. */
class HostileInputIT {

    private static PortcullisServer server;
    private static Api admin;

    @BeforeAll
    static void start() {
        server = PortcullisServer.shared();
        admin = server.admin();
    }

    @Test
    void deeplyNestedJsonToTheAgentApiIsMalformedNotAServerError() {
        String nested = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        Api.Response enroll = server.api().post("/api/osquery/enroll", nested);
        assertEquals(400, enroll.status(), enroll.toString());
        Api.Response write = server.api().post("/api/osquery/distributed/write", nested);
        assertEquals(400, write.status(), write.toString());
    }

    @Test
    void deeplyNestedScepMessageIsABadRequest() throws Exception {
        byte[] body = new byte[60_000];
        for (int i = 0; i < body.length; i += 2) {
            body[i] = 0x30;
            body[i + 1] = (byte) 0x80;
        }
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/fleet/conditional_access/scep?operation=PKIOperation"))
                .header("Content-Type", "application/x-pki-message")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, reply.statusCode(), reply.body());
    }

    @Test
    void tooLongNamesAreValidationErrorsNamingTheField() {
        Api.Response team = admin.post("/api/v1/fleet/teams", "{\"name\": \"" + "t".repeat(256) + "\"}");
        assertEquals(422, team.status(), team.toString());
        assertTrue(team.body().contains("\"name\""), team.body());
        Api.Response org = admin.patch("/api/v1/fleet/config", "{\"org_info\": {\"org_name\": \"" + "o".repeat(300) + "\"}}");
        assertEquals(422, org.status(), org.toString());
        assertTrue(org.body().contains("org_name"), org.body());
    }

    @Test
    void racingDuplicatesGetConflictsAndNoSecretReachesTheLog() throws Exception {
        String name = Fixtures.unique("race-team");
        String secret = Fixtures.unique("RaceSecretValue");
        long teamA = Fixtures.team(admin, Fixtures.unique("s"), false).getJsonNumber("id").longValue();
        long teamB = Fixtures.team(admin, Fixtures.unique("s"), false).getJsonNumber("id").longValue();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(pool.submit(() -> admin.post("/api/v1/fleet/teams", "{\"name\": \"" + name + "\"}")));
                long team = i % 2 == 0 ? teamA : teamB;
                calls.add(pool.submit(() -> admin.patch("/api/v1/fleet/teams/" + team + "/secrets",
                        "{\"secrets\": [{\"secret\": \"" + secret + "\"}]}")));
            }
            for (Future<Api.Response> call : calls) {
                int status = call.get().status();
                assertTrue(status == 200 || status == 409, "200 or 409, got " + call.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long teamsWithName = admin.get("/api/v1/fleet/teams").json().getJsonArray("teams").stream()
                .filter(t -> t.asJsonObject().getString("name").equals(name)).count();
        assertEquals(1, teamsWithName, "exactly one team got the name");
        assertFalse(server.logTail(5000).contains(secret), "an enroll secret must never be logged");
    }
}
