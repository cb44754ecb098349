package dev.portcullis.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.PropertyListParser;
import dev.portcullis.ca.CertificateAuthorityFactory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppleUserScopeProfileTest {

    static final X509Certificate CA = new CertificateAuthorityFactory()
            .createScepCa("Portcullis conditional access CA", Instant.now()).certificate();
    static final String SERVER = "https://portcullis.example.com";
    static final String SSO_BASE = "https://okta.portcullis.example.com";

    static NSDictionary parse(byte[] xml) throws Exception {
        return (NSDictionary) PropertyListParser.parse(xml);
    }

    static NSDictionary payload(NSDictionary profile, String type) {
        for (NSObject o : ((NSArray) profile.objectForKey("PayloadContent")).getArray()) {
            NSDictionary p = (NSDictionary) o;
            if (type.equals(string(p, "PayloadType"))) {
                return p;
            }
        }
        throw new AssertionError("no " + type + " payload");
    }

    static String string(NSDictionary d, String key) {
        return ((NSString) d.objectForKey(key)).getContent();
    }

    static long integer(NSDictionary d, String key) {
        NSNumber n = (NSNumber) d.objectForKey(key);
        assertEquals(NSNumber.INTEGER, n.type(), key + " is an integer");
        return n.longValue();
    }

    static byte[] render(String server, String challenge, String org) {
        return AppleUserScopeProfile.render(new AppleUserScopeProfile.Inputs(server, SSO_BASE, CA, challenge, org));
    }

    @Test
    void everyPayloadCarriesTheServersConfiguration() throws Exception {
        NSDictionary profile = parse(render(SERVER, "secret-1", "Example & Co"));
        assertEquals("Configuration", string(profile, "PayloadType"));
        assertEquals("User", string(profile, "PayloadScope"));
        assertEquals("Example & Co", string(profile, "PayloadOrganization"));
        assertEquals(1, integer(profile, "PayloadVersion"));
        assertEquals(4, ((NSArray) profile.objectForKey("PayloadContent")).count());

        NSDictionary ca = payload(profile, "com.apple.security.root");
        assertArrayEquals(CA.getEncoded(), ((NSData) ca.objectForKey("PayloadContent")).bytes());

        NSDictionary scep = payload(profile, "com.apple.security.scep");
        NSDictionary content = (NSDictionary) scep.objectForKey("PayloadContent");
        assertEquals(SERVER + "/api/fleet/conditional_access/scep", string(content, "URL"));
        assertEquals("secret-1", string(content, "Challenge"));
        assertEquals(2048, integer(content, "Keysize"));
        assertEquals("RSA", string(content, "Key Type"));
        assertEquals(5, integer(content, "Key Usage"));
        assertTrue(integer(content, "Retries") > 0);
        assertTrue(integer(content, "RetryDelay") > 0);
        assertTrue(((NSNumber) content.objectForKey("AllowAllAppsAccess")).boolValue());
        assertEquals("urn:device:apple:uuid:%HardwareUUID%",
                string((NSDictionary) content.objectForKey("SubjectAltName"), "uniformResourceIdentifier"));
        NSArray subject = (NSArray) content.objectForKey("Subject");
        NSArray cn = (NSArray) ((NSArray) subject.objectAtIndex(0)).objectAtIndex(0);
        assertEquals("CN", ((NSString) cn.objectAtIndex(0)).getContent());
        assertFalse(((NSString) cn.objectAtIndex(1)).getContent().isBlank());

        NSDictionary identity = payload(profile, "com.apple.security.identitypreference");
        assertEquals(SSO_BASE + "/api/fleet/conditional_access/idp/sso", string(identity, "Name"));
        assertEquals(string(scep, "PayloadUUID"), string(identity, "PayloadCertificateUUID"));

        NSDictionary chrome = payload(profile, "com.google.Chrome");
        NSArray rules = (NSArray) chrome.objectForKey("AutoSelectCertificateForUrls");
        JsonObject rule = Json.createReader(new StringReader(((NSString) rules.objectAtIndex(0)).getContent())).readObject();
        assertEquals(SSO_BASE, rule.getString("pattern"));
        assertEquals("Portcullis conditional access CA", rule.getJsonObject("filter").getJsonObject("ISSUER").getString("CN"));
    }

    @Test
    void payloadUuidsAreStableForAServerAndDifferForAnother() throws Exception {
        List<String> first = uuids(parse(render(SERVER, "secret-1", null)));
        List<String> again = uuids(parse(render(SERVER, "another-secret", "Org")));
        List<String> other = uuids(parse(render("https://other.example.com", "secret-1", null)));
        assertEquals(first, again);
        assertEquals(5, new HashSet<>(first).size(), "each payload has its own UUID");
        Set<String> overlap = new HashSet<>(first);
        overlap.retainAll(other);
        assertTrue(overlap.isEmpty(), "another server URL gives other UUIDs");
        for (String u : first) {
            assertEquals(u, UUID.fromString(u).toString().toUpperCase());
        }
    }

    @Test
    void markupInValuesIsEscapedNotInterpreted() throws Exception {
        String challenge = "</string><key>Challenge</key><string>evil & \"quoted\" 'x'";
        NSDictionary profile = parse(render(SERVER, challenge, "<Org>"));
        NSDictionary content = (NSDictionary) payload(profile, "com.apple.security.scep").objectForKey("PayloadContent");
        assertEquals(challenge, string(content, "Challenge"));
        assertEquals("<Org>", string(profile, "PayloadOrganization"));
    }

    @Test
    void refusesCharactersXmlCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> PropertyList.toXml(Map.of("k", "a\u0001b")));
    }

    static List<String> uuids(NSDictionary profile) {
        List<String> result = new java.util.ArrayList<>();
        result.add(string(profile, "PayloadUUID"));
        for (NSObject o : ((NSArray) profile.objectForKey("PayloadContent")).getArray()) {
            result.add(string((NSDictionary) o, "PayloadUUID"));
        }
        return result;
    }
}
