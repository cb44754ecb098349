package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.it.peers.OktaSp;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The administrator's view of sign-in decisions and single-use challenges. Sign-ins are made
 * the way Okta sends users: a garbage SAMLRequest (request error), and a request signed by
 * pysaml2 arriving without a client certificate (certificate error).
 */
class SignInLogIT {

    static final String AUDIENCE = "https://www.okta.com/saml2/service-provider/spsigninlog";
    static final String ACS = "https://portcullis-test.okta.com/sso/saml2/0oasigninlog";
    static final String SIGN_INS = "/api/v1/fleet/conditional_access/sign_ins";

    static PortcullisServer server;
    static OktaSp okta;

    @BeforeAll
    static void connectOkta() throws Exception {
        server = PortcullisServer.shared();
        okta = Fixtures.connectOkta(server, "signins", "0oasigninlog", AUDIENCE, ACS);
    }

    static HttpResponse<String> postSso(String samlRequest) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + "/api/fleet/conditional_access/idp/sso"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("SAMLRequest=" + URLEncoder.encode(samlRequest, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonArray signIns(String query) {
        Api.Response r = server.admin().get(SIGN_INS + query);
        assertEquals(200, r.status(), r.toString());
        return r.json().getJsonArray("sign_ins");
    }

    @Test
    void signInsAreListedNewestFirstWithOutcomeAndReasonAndCanBeFilteredAndPaged() throws Exception {
        Instant start = Instant.now();
        for (int i = 0; i < 3; i++) {
            assertEquals(400, postSso("not-a-saml-request-" + i).statusCode());
        }
        String nameId = "log-" + System.nanoTime() + "@example.com";
        HttpResponse<String> noCertificate = postSso(okta.authn("post", null, nameId).samlRequest());
        assertEquals(403, noCertificate.statusCode(), noCertificate.body());
        Instant end = Instant.now();

        JsonArray all = signIns("?after=" + start);
        assertEquals(4, all.size(), all.toString());
        JsonObject newest = all.getJsonObject(0);
        assertEquals("certificate_error", newest.getString("outcome"));
        assertEquals(nameId, newest.getString("name_id"));
        assertEquals(JsonValue.NULL, newest.get("host_id"));
        assertEquals(List.of(), newest.getJsonArray("failing_policies"));
        assertFalse(newest.getString("reason").isBlank());
        for (String key : List.of("id", "created_at", "host_id", "name_id", "outcome", "failing_policies", "reason")) {
            assertTrue(newest.containsKey(key), key);
        }
        for (int i = 1; i < 4; i++) {
            JsonObject older = all.getJsonObject(i);
            assertEquals("request_error", older.getString("outcome"));
            assertFalse(older.getString("reason").isBlank());
            assertTrue(Instant.parse(older.getString("created_at")).compareTo(
                    Instant.parse(all.getJsonObject(i - 1).getString("created_at"))) <= 0, "newest first");
        }

        assertEquals(3, signIns("?outcome=request_error&after=" + start).size());
        assertEquals(1, signIns("?outcome=CERTIFICATE_ERROR&after=" + start).size());
        assertEquals(0, signIns("?outcome=allowed&after=" + start).size());
        assertEquals(0, signIns("?after=" + end).size());
        assertEquals(4, signIns("?after=" + start + "&before=" + end.plusMillis(1)).size());
        assertEquals(0, signIns("?host_id=987654321&after=" + start).size());

        Api.Response first = server.admin().get(SIGN_INS + "?after=" + start + "&per_page=3&page=0");
        assertEquals(3, first.json().getJsonArray("sign_ins").size());
        assertTrue(first.json().getJsonObject("meta").getBoolean("has_next_results"));
        Api.Response second = server.admin().get(SIGN_INS + "?after=" + start + "&per_page=3&page=1");
        JsonArray rest = second.json().getJsonArray("sign_ins");
        assertEquals(1, rest.size());
        assertEquals(all.getJsonObject(3).getJsonNumber("id"), rest.getJsonObject(0).getJsonNumber("id"));
        assertFalse(second.json().getJsonObject("meta").getBoolean("has_next_results"));
        assertTrue(second.json().getJsonObject("meta").getBoolean("has_previous_results"));
    }

    @Test
    void badFiltersAreRefusedAndTheLogIsForAdministratorsOnly() {
        assertEquals(422, server.admin().get(SIGN_INS + "?outcome=maybe").status());
        assertEquals(422, server.admin().get(SIGN_INS + "?after=yesterday").status());
        assertEquals(422, server.admin().get(SIGN_INS + "?per_page=0").status());
        assertEquals(401, server.api().get(SIGN_INS).status());
    }

    @Test
    void challengeListingShowsTimesButNeverAMintedValue() throws Exception {
        Api admin = server.admin();
        String one = Fixtures.ok(admin.post("/api/v1/fleet/conditional_access/scep/challenges?ttl_seconds=600")).getString("challenge");
        String two = Fixtures.ok(admin.post("/api/v1/fleet/conditional_access/scep/challenges")).getString("challenge");
        Api.Response listing = admin.get("/api/v1/fleet/conditional_access/scep/challenges");
        assertEquals(200, listing.status(), listing.toString());
        assertFalse(listing.body().contains(one), "a minted value never appears again");
        assertFalse(listing.body().contains(two), "a minted value never appears again");

        JsonArray challenges = listing.json().getJsonArray("challenges");
        JsonObject listedOne = challenges.stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("id").equals(idOf(one))).findFirst().orElseThrow(() -> new AssertionError(listing.body()));
        assertTrue(challenges.stream().anyMatch(c -> c.asJsonObject().getString("id").equals(idOf(two))));
        assertEquals(JsonValue.NULL, listedOne.get("used_at"));
        Instant created = Instant.parse(listedOne.getString("created_at"));
        Instant expires = Instant.parse(listedOne.getString("expires_at"));
        assertEquals(600, expires.getEpochSecond() - created.getEpochSecond(), 1);
        assertEquals(401, server.api().get("/api/v1/fleet/conditional_access/scep/challenges").status());
    }

    static String idOf(String challenge) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(challenge.getBytes(StandardCharsets.UTF_8))).substring(0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
