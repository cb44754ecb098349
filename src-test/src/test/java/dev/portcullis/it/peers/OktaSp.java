package dev.portcullis.it.peers;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Okta, played by pysaml2 (Debian python3-pysaml2) through src/test/python/okta_sp.py: it builds
 * signed AuthnRequests from our metadata and validates our Responses with xmlsec1.
 */
public final class OktaSp {

    public static final String PYTHON = "/usr/bin/python3";

    private final Path script;
    private final Path idpMetadata;
    private final String audience;
    private final String acsUrl;
    private final Path spKey;
    private final Path spCert;
    private final Path workDir;

    public OktaSp(Path script, Path idpMetadata, String audience, String acsUrl, Path spKey, Path spCert, Path workDir) {
        this.script = script;
        this.idpMetadata = idpMetadata;
        this.audience = audience;
        this.acsUrl = acsUrl;
        this.spKey = spKey;
        this.spCert = spCert;
        this.workDir = workDir;
    }

    /** A signed AuthnRequest, as Okta would start a sign-in. */
    public record AuthnRequest(String id, String url, String samlRequest, String query, String relayState) {
    }

    public AuthnRequest authn(String binding, String relayState, String nameId) throws Exception {
        List<String> command = common("authn");
        command.addAll(List.of("--binding", binding));
        if (relayState != null) command.addAll(List.of("--relay-state", relayState));
        if (nameId != null) command.addAll(List.of("--name-id", nameId));
        JsonObject json = parse(ExternalProcess.run(command, workDir, Duration.ofSeconds(60)));
        return new AuthnRequest(json.getString("id"), json.getString("url", null),
                json.getString("saml_request", null), json.getString("query", null), json.getString("relay_state", null));
    }

    /** pysaml2's verdict on a Response: ok, and the NameID it read, or the error. */
    public record Verdict(boolean ok, String nameId, String error) {
    }

    public Verdict verify(String requestId, String samlResponseBase64) throws Exception {
        List<String> command = common("verify");
        command.addAll(List.of("--request-id", requestId, "--saml-response", samlResponseBase64));
        ExternalProcess.Result result = ExternalProcess.runForResult(command, workDir, Duration.ofSeconds(60));
        String out = result.output();
        String jsonLine = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("{}");
        JsonObject json = parse(jsonLine);
        return new Verdict(result.exitCode() == 0 && json.getBoolean("ok", false), json.getString("name_id", null),
                json.getString("error", result.exitCode() == 0 ? null : out));
    }

    private List<String> common(String verb) {
        return new ArrayList<>(List.of(PYTHON, script.toString(), verb, "--idp-metadata", idpMetadata.toString(),
                "--sp-entity-id", audience, "--acs-url", acsUrl, "--sp-key", spKey.toString(),
                "--sp-cert", spCert.toString()));
    }

    private static JsonObject parse(String output) {
        String line = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("okta_sp.py printed no JSON:\n" + output));
        return Json.createReader(new StringReader(line)).readObject();
    }
}
