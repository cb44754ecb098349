package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.PropertyListParser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * The user-scope profile of the guide's step 2, read back with dd-plist and checked against what
 * the server publishes elsewhere: its config, GetCACert, the IdP metadata and the enroll secrets.
 */
@ExtendWith(PortcullisServer.Extension.class)
class AppleProfileIT {

    static final String PROFILE = "/api/v1/fleet/conditional_access/idp/apple/profile";

    @Test
    void profileMatchesTheServersConfigurationAndKeepsItsUuidsAcrossARestart(PortcullisServer server) throws Exception {
        Api admin = server.admin();
        String secret = ensureGlobalSecret(admin);

        HttpResponse<byte[]> download = admin.download(PROFILE);
        assertEquals(200, download.statusCode(), new String(download.body()));
        assertEquals("application/x-apple-aspen-config", download.headers().firstValue("Content-Type").orElse("")
                .replaceAll(";.*", ""));
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("")
                .matches("attachment; filename=\"?[A-Za-z0-9._-]+\\.mobileconfig\"?"), download.headers().toString());

        NSDictionary profile = (NSDictionary) PropertyListParser.parse(download.body());
        assertEquals("Configuration", string(profile, "PayloadType"));
        assertEquals("User", string(profile, "PayloadScope"));

        String serverUrl = Fixtures.ok(admin.get("/api/v1/fleet/config")).getJsonObject("server_settings").getString("server_url");
        byte[] caDer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/api/fleet/conditional_access/scep?operation=GetCACert")).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caDer));
        String ssoUrl = metadataSsoUrl(server);

        assertArrayEquals(caDer, ((NSData) payload(profile, "com.apple.security.root").objectForKey("PayloadContent")).bytes());

        NSDictionary scep = payload(profile, "com.apple.security.scep");
        NSDictionary content = (NSDictionary) scep.objectForKey("PayloadContent");
        assertEquals(serverUrl + "/api/fleet/conditional_access/scep", string(content, "URL"));
        assertEquals(secret, string(content, "Challenge"));
        assertEquals(2048, ((NSNumber) content.objectForKey("Keysize")).intValue());
        assertEquals("RSA", string(content, "Key Type"));
        assertEquals(5, ((NSNumber) content.objectForKey("Key Usage")).intValue());
        assertEquals("urn:device:apple:uuid:%HardwareUUID%",
                string((NSDictionary) content.objectForKey("SubjectAltName"), "uniformResourceIdentifier"));
        assertTrue(((NSNumber) content.objectForKey("AllowAllAppsAccess")).boolValue());

        NSDictionary identity = payload(profile, "com.apple.security.identitypreference");
        assertEquals(ssoUrl, string(identity, "Name"));
        assertEquals(string(scep, "PayloadUUID"), string(identity, "PayloadCertificateUUID"));

        NSArray rules = (NSArray) payload(profile, "com.google.Chrome").objectForKey("AutoSelectCertificateForUrls");
        JsonObject rule = Json.createReader(new StringReader(((NSString) rules.objectAtIndex(0)).getContent())).readObject();
        URI sso = URI.create(ssoUrl);
        assertEquals(sso.getScheme() + "://" + sso.getAuthority(), rule.getString("pattern"));
        assertEquals(commonName(ca), rule.getJsonObject("filter").getJsonObject("ISSUER").getString("CN"));

        List<String> uuids = uuids(profile);
        assertEquals(uuids, uuids((NSDictionary) PropertyListParser.parse(admin.download(PROFILE).body())));
        server.restart();
        HttpResponse<byte[]> afterRestart = server.admin().download(PROFILE);
        assertEquals(200, afterRestart.statusCode());
        assertEquals(uuids, uuids((NSDictionary) PropertyListParser.parse(afterRestart.body())));
    }

    @Test
    void withoutAGlobalEnrollSecretTheProfileIsRefusedWithAReason(PortcullisServer server) {
        Api admin = server.admin();
        JsonArray before = Fixtures.ok(admin.get("/api/v1/fleet/spec/enroll_secret")).getJsonObject("spec").getJsonArray("secrets");
        Fixtures.ok(admin.post("/api/v1/fleet/spec/enroll_secret", "{\"spec\": {\"secrets\": []}}"));
        try {
            Api.Response refused = admin.get(PROFILE);
            assertEquals(409, refused.status(), refused.toString());
            assertTrue(refused.body().contains("enroll secret"), refused.body());
        } finally {
            JsonArrayBuilder restored = Json.createArrayBuilder();
            before.forEach(s -> restored.add(Json.createObjectBuilder().add("secret", s.asJsonObject().getString("secret"))));
            Fixtures.ok(admin.post("/api/v1/fleet/spec/enroll_secret", Json.createObjectBuilder().add("spec",
                    Json.createObjectBuilder().add("secrets", restored)).build().toString()));
        }
    }

    @Test
    void onlyAdministratorsGetTheProfile(PortcullisServer server) {
        assertEquals(401, server.api().get(PROFILE).status());
    }

    /** The oldest global secret, adding one when there is none. */
    static String ensureGlobalSecret(Api admin) {
        JsonArray secrets = Fixtures.ok(admin.get("/api/v1/fleet/spec/enroll_secret")).getJsonObject("spec").getJsonArray("secrets");
        if (secrets.isEmpty()) {
            String secret = Fixtures.unique("profile-secret");
            Fixtures.ok(admin.post("/api/v1/fleet/spec/enroll_secret", "{\"spec\": {\"secrets\": [{\"secret\": \"%s\"}]}}".formatted(secret)));
            return secret;
        }
        return secrets.getJsonObject(0).getString("secret");
    }

    static String metadataSsoUrl(PortcullisServer server) throws Exception {
        Api.Response metadata = server.api().get("/api/fleet/conditional_access/idp/metadata");
        assertEquals(200, metadata.status(), metadata.toString());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(metadata.body().getBytes("UTF-8")));
        var services = doc.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:metadata", "SingleSignOnService");
        assertTrue(services.getLength() > 0);
        return ((Element) services.item(0)).getAttribute("Location");
    }

    static String commonName(X509Certificate cert) throws Exception {
        for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
            if (rdn.getType().equalsIgnoreCase("CN")) {
                return rdn.getValue().toString();
            }
        }
        throw new AssertionError("no CN in " + cert.getSubjectX500Principal());
    }

    static NSDictionary payload(NSDictionary profile, String type) {
        for (NSObject o : ((NSArray) profile.objectForKey("PayloadContent")).getArray()) {
            if (type.equals(string((NSDictionary) o, "PayloadType"))) {
                return (NSDictionary) o;
            }
        }
        throw new AssertionError("no " + type + " payload");
    }

    static String string(NSDictionary d, String key) {
        return ((NSString) d.objectForKey(key)).getContent();
    }

    static List<String> uuids(NSDictionary profile) {
        List<String> result = new ArrayList<>();
        result.add(string(profile, "PayloadUUID"));
        for (NSObject o : ((NSArray) profile.objectForKey("PayloadContent")).getArray()) {
            result.add(string((NSDictionary) o, "PayloadUUID"));
        }
        return result;
    }
}
