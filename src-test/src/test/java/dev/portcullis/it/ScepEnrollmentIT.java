package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.it.peers.ExternalProcess;
import dev.portcullis.it.peers.ScepDevice;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.cms.CMSSignedData;
import org.jscep.client.EnrollmentResponse;
import org.jscep.message.CertRep;
import org.jscep.message.PkcsPkiEnvelopeDecoder;
import org.jscep.message.PkcsPkiEnvelopeEncoder;
import org.jscep.message.PkcsReq;
import org.jscep.message.PkiMessageDecoder;
import org.jscep.message.PkiMessageEncoder;
import org.jscep.transaction.FailInfo;
import org.jscep.transaction.Nonce;
import org.jscep.transaction.PkiStatus;
import org.jscep.transaction.TransactionId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SCEP enrollment at Fleet's path, with jscep (an independent client) playing the Mac. */
class ScepEnrollmentIT {

    private static PortcullisServer server;
    private static String scepUrl;
    private static String teamSecret;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @BeforeAll
    static void enrollTeam() {
        server = PortcullisServer.shared();
        scepUrl = server.baseUrl() + "/api/fleet/conditional_access/scep";
        teamSecret = Fixtures.unique("scep-secret");
        Fixtures.team(server.admin(), teamSecret, true);
    }

    /** A host the agent enrolled, so SCEP knows its hardware UUID. */
    private static String enrolledHost() {
        String uuid = UUID.randomUUID().toString().toUpperCase();
        Agent agent = new Agent(server, uuid, "mac-" + uuid.substring(0, 8));
        assertEquals(200, agent.enroll(teamSecret).status());
        return uuid;
    }

    @Test
    void issuesClientCertificateChainingToTheCaFromGetCACert() throws Exception {
        String uuid = enrolledHost();
        ScepDevice device = new ScepDevice();
        EnrollmentResponse response = device.enroll(scepUrl, device.csr(uuid, teamSecret));
        assertTrue(response.isSuccess(), "enrollment should succeed, failInfo: "
                + (response.isFailure() ? response.getFailInfo() : "pending"));
        X509Certificate issued = device.issued();

        HttpResponse<byte[]> caResponse = HTTP.send(HttpRequest.newBuilder(URI.create(scepUrl + "?operation=GetCACert")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("application/x-x509-ca-cert", caResponse.headers().firstValue("Content-Type").orElse(""));
        Path caDer = Files.write(dir.resolve("ca.der"), caResponse.body());
        Path caPem = dir.resolve("ca.pem");
        ExternalProcess.run(List.of("openssl", "x509", "-inform", "der", "-in", caDer.toString(), "-out", caPem.toString()),
                dir, Duration.ofSeconds(30));
        Path issuedPem = dir.resolve("device.pem");
        Files.writeString(issuedPem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(issued.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        String verdict = ExternalProcess.run(List.of("openssl", "verify", "-purpose", "sslclient", "-CAfile", caPem.toString(),
                issuedPem.toString()), dir, Duration.ofSeconds(30));
        assertTrue(verdict.contains(": OK"), verdict);

        assertTrue(issued.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"), "clientAuth EKU");
        long days = Duration.between(issued.getNotBefore().toInstant(), issued.getNotAfter().toInstant()).toDays();
        assertTrue(days >= 397 && days <= 399, "398 days, got " + days);
        assertTrue(issued.getSerialNumber().bitLength() >= 64, "serial of at least 64 random bits");
        assertTrue(issued.getSubjectAlternativeNames().stream()
                .anyMatch(san -> san.get(1).equals("urn:device:apple:uuid:" + uuid)), "SAN copied from the CSR");
    }

    @Test
    void refusesWrongChallengeWithBadRequest() throws Exception {
        String uuid = enrolledHost();
        ScepDevice device = new ScepDevice();
        EnrollmentResponse response = device.enroll(scepUrl, device.csr(uuid, "not-the-secret"));
        assertTrue(response.isFailure());
        assertEquals(FailInfo.badRequest, response.getFailInfo());
    }

    @Test
    void refusesUnknownHardwareUuidWithBadRequest() throws Exception {
        ScepDevice device = new ScepDevice();
        EnrollmentResponse response = device.enroll(scepUrl, device.csr(UUID.randomUUID().toString(), teamSecret));
        assertTrue(response.isFailure());
        assertEquals(FailInfo.badRequest, response.getFailInfo());
    }

    @Test
    void refusesCsrWithoutDeviceSanWithBadRequest() throws Exception {
        enrolledHost();
        ScepDevice device = new ScepDevice();
        EnrollmentResponse response = device.enroll(scepUrl, device.csr(null, teamSecret));
        assertTrue(response.isFailure());
        assertEquals(FailInfo.badRequest, response.getFailInfo());
    }

    @Test
    void singleUseChallengeWorksOnceThenIsRefused() throws Exception {
        Api.Response minted = server.admin().post("/api/v1/fleet/conditional_access/scep/challenges?ttl_seconds=600");
        assertEquals(200, minted.status(), minted.toString());
        String challenge = minted.json().getString("challenge");

        ScepDevice first = new ScepDevice();
        assertTrue(first.enroll(scepUrl, first.csr(enrolledHost(), challenge)).isSuccess());

        ScepDevice second = new ScepDevice();
        EnrollmentResponse reused = second.enroll(scepUrl, second.csr(enrolledHost(), challenge));
        assertTrue(reused.isFailure());
        assertEquals(FailInfo.badRequest, reused.getFailInfo());

        Api.Response listing = server.admin().get("/api/v1/fleet/conditional_access/scep/challenges");
        assertTrue(!listing.body().contains(challenge), "the listing never shows a challenge");
        String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(challenge.getBytes(StandardCharsets.UTF_8))).substring(0, 8);
        JsonObject used = listing.json().getJsonArray("challenges").stream()
                .map(JsonValue::asJsonObject).filter(c -> c.getString("id").equals(id)).findFirst().orElseThrow();
        assertNotNull(used.getString("used_at", null), "the listing says when the challenge was used");
    }

    @Test
    void pkiOperationByGetKeepsRawPlusCharacters() throws Exception {
        String uuid = enrolledHost();
        ScepDevice device = new ScepDevice();
        X509Certificate ca = caCertificate();
        // Build messages until the base64 holds a '+', as macOS would send it unescaped.
        String base64;
        TransactionId transactionId;
        byte[] message;
        int attempts = 0;
        do {
            transactionId = TransactionId.createTransactionId(device.keyPair().getPublic(), "SHA-1");
            PkcsReq request = new PkcsReq(transactionId, Nonce.nextNonce(), device.csr(uuid, teamSecret));
            message = new PkiMessageEncoder(device.privateKey(), device.selfSigned(),
                    new PkcsPkiEnvelopeEncoder(ca, "AES_256"), "SHA256withRSA").encode(request).getEncoded();
            base64 = Base64.getEncoder().encodeToString(message);
        } while (!base64.contains("+") && ++attempts < 50);
        assertTrue(base64.contains("+"));

        HttpResponse<byte[]> reply = HTTP.send(HttpRequest.newBuilder(
                        URI.create(scepUrl + "?operation=PKIOperation&message=" + base64.replace("=", "%3D"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, reply.statusCode(), new String(reply.body()));
        CertRep rep = (CertRep) new PkiMessageDecoder(ca, new PkcsPkiEnvelopeDecoder(device.selfSigned(), device.privateKey()))
                .decode(new CMSSignedData(reply.body()));
        assertEquals(PkiStatus.SUCCESS, rep.getPkiStatus());
        assertEquals(transactionId, rep.getTransactionId());
    }

    @Test
    void secondRequestInsideCooldownGets429() throws Exception {
        String uuid = enrolledHost();
        ScepDevice device = new ScepDevice();
        assertTrue(device.enroll(scepUrl, device.csr(uuid, teamSecret)).isSuccess());
        X509Certificate ca = caCertificate();
        PkcsReq again = new PkcsReq(TransactionId.createTransactionId(device.keyPair().getPublic(), "SHA-1"),
                Nonce.nextNonce(), device.csr(uuid, teamSecret));
        byte[] message = new PkiMessageEncoder(device.privateKey(), device.selfSigned(),
                new PkcsPkiEnvelopeEncoder(ca, "AES_128"), "SHA256withRSA").encode(again).getEncoded();
        HttpResponse<String> reply = postPkiOperation(message);
        assertEquals(429, reply.statusCode());
        assertTrue(reply.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void malformedEmptyAndOversizedBodiesGet400BeforeAnyCrypto() throws Exception {
        HttpResponse<String> empty = postPkiOperation(new byte[0]);
        assertEquals(400, empty.statusCode());
        HttpResponse<String> garbage = postPkiOperation("not a pkcs7 message".getBytes());
        assertEquals(400, garbage.statusCode());
        assertTrue(garbage.body().contains("SignedData"), garbage.body());
        HttpResponse<String> huge = postPkiOperation(new byte[200_000]);
        assertEquals(400, huge.statusCode());
        HttpResponse<String> badOperation = HTTP.send(HttpRequest.newBuilder(URI.create(scepUrl + "?operation=Nope")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, badOperation.statusCode());
        HttpResponse<String> caps = HTTP.send(HttpRequest.newBuilder(URI.create(scepUrl + "?operation=GetCACaps")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(caps.body().lines().toList().containsAll(List.of("POSTPKIOperation", "SHA-256", "AES")), caps.body());
        assertTrue(server.logTail(400).lines().noneMatch(l -> l.contains("ERROR") && l.contains("Scep")),
                "refusals must not be logged as server errors");
    }

    private static HttpResponse<String> postPkiOperation(byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(scepUrl + "?operation=PKIOperation"))
                .header("Content-Type", "application/x-pki-message")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static X509Certificate caCertificate() throws Exception {
        HttpResponse<byte[]> der = HTTP.send(HttpRequest.newBuilder(
                URI.create(scepUrl + "?operation=GetCACert")).build(), HttpResponse.BodyHandlers.ofByteArray());
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(der.body()));
        assertNotNull(ca);
        return ca;
    }

}
