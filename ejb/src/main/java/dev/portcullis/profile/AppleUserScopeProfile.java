package dev.portcullis.profile;

import dev.portcullis.idp.IdpEndpoints;
import jakarta.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The user-scope configuration profile of the Okta guide's step 2: the SCEP CA as a trusted root,
 * the SCEP payload that enrolls the device's client certificate, an identity preference that
 * makes Safari present it at the SSO URL, and Chrome's certificate auto-selection for the same
 * host. Payload UUIDs are derived from the server URL, so the profile is the same on every
 * download and an MDM sees a re-upload as the same profile.
 */
public final class AppleUserScopeProfile {

    public static final String SCEP_PATH = "/api/fleet/conditional_access/scep";
    public static final String SAN_URI = "urn:device:apple:uuid:%HardwareUUID%";
    public static final String SUBJECT_COMMON_NAME = "Portcullis conditional access";
    public static final String IDENTIFIER = "dev.portcullis.conditional-access";
    public static final String FILE_NAME = "portcullis-conditional-access.mobileconfig";
    static final int KEY_SIZE = 2048;
    // Key Usage is a bit mask: 1 signing, 4 encryption.
    static final int KEY_USAGE_SIGN_AND_ENCRYPT = 5;
    static final int RETRIES = 3;
    static final int RETRY_DELAY_SECONDS = 10;

    /** What the profile is made from. {@code challenge} is the SCEP challenge password. */
    public record Inputs(String serverUrl, String ssoBaseUrl, X509Certificate scepCa, String challenge,
                         String organization) {
        public Inputs {
            Objects.requireNonNull(serverUrl, "serverUrl");
            Objects.requireNonNull(ssoBaseUrl, "ssoBaseUrl");
            Objects.requireNonNull(scepCa, "scepCa");
            Objects.requireNonNull(challenge, "challenge");
        }
    }

    private AppleUserScopeProfile() {
    }

    public static byte[] render(Inputs in) {
        String ssoUrl = IdpEndpoints.of(in.serverUrl(), in.ssoBaseUrl()).ssoUrl();
        UUID caUuid = payloadUuid(in.serverUrl(), "com.apple.security.root");
        UUID scepUuid = payloadUuid(in.serverUrl(), "com.apple.security.scep");
        UUID identityUuid = payloadUuid(in.serverUrl(), "com.apple.security.identitypreference");
        UUID chromeUuid = payloadUuid(in.serverUrl(), "com.google.Chrome");

        Map<String, Object> ca = payload("com.apple.security.root", caUuid, "Portcullis SCEP CA");
        ca.put("PayloadCertificateFileName", "portcullis-scep-ca.cer");
        ca.put("PayloadContent", der(in.scepCa()));

        Map<String, Object> scepContent = new LinkedHashMap<>();
        scepContent.put("URL", in.serverUrl() + SCEP_PATH);
        scepContent.put("Name", "Portcullis");
        scepContent.put("Subject", List.of(List.of(List.of("CN", SUBJECT_COMMON_NAME))));
        scepContent.put("Challenge", in.challenge());
        scepContent.put("Keysize", KEY_SIZE);
        scepContent.put("Key Type", "RSA");
        scepContent.put("Key Usage", KEY_USAGE_SIGN_AND_ENCRYPT);
        scepContent.put("SubjectAltName", Map.of("uniformResourceIdentifier", SAN_URI));
        scepContent.put("Retries", RETRIES);
        scepContent.put("RetryDelay", RETRY_DELAY_SECONDS);
        scepContent.put("AllowAllAppsAccess", Boolean.TRUE);
        scepContent.put("KeyIsExtractable", Boolean.FALSE);
        Map<String, Object> scep = payload("com.apple.security.scep", scepUuid, "Portcullis device certificate");
        scep.put("PayloadContent", scepContent);

        Map<String, Object> identity = payload("com.apple.security.identitypreference", identityUuid,
                "Portcullis identity preference");
        identity.put("Name", ssoUrl);
        identity.put("PayloadCertificateUUID", scepUuid.toString().toUpperCase());

        Map<String, Object> chrome = payload("com.google.Chrome", chromeUuid, "Chrome certificate selection");
        chrome.put("AutoSelectCertificateForUrls", List.of(chromeRule(origin(in.ssoBaseUrl()), issuerCommonName(in.scepCa()))));

        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("PayloadContent", List.of(ca, scep, identity, chrome));
        profile.put("PayloadDescription", "Installs the Portcullis CA, enrolls this Mac's client certificate and "
                + "presents it when Okta checks the device.");
        profile.put("PayloadDisplayName", "Portcullis conditional access");
        profile.put("PayloadIdentifier", IDENTIFIER);
        if (in.organization() != null && !in.organization().isBlank()) {
            profile.put("PayloadOrganization", in.organization());
        }
        profile.put("PayloadScope", "User");
        profile.put("PayloadType", "Configuration");
        profile.put("PayloadUUID", payloadUuid(in.serverUrl(), "Configuration").toString().toUpperCase());
        profile.put("PayloadVersion", 1);
        return PropertyList.toXml(profile);
    }

    /** A name-based UUID: the same server URL and payload type always give the same UUID. */
    public static UUID payloadUuid(String serverUrl, String payloadType) {
        return UUID.nameUUIDFromBytes((serverUrl + "\n" + payloadType).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> payload(String type, UUID uuid, String displayName) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("PayloadType", type);
        p.put("PayloadIdentifier", IDENTIFIER + "." + type);
        p.put("PayloadUUID", uuid.toString().toUpperCase());
        p.put("PayloadDisplayName", displayName);
        p.put("PayloadVersion", 1);
        return p;
    }

    // Chrome's policy takes each rule as a JSON string; built with a JSON writer so any name is escaped.
    static String chromeRule(String pattern, String issuerCommonName) {
        return Json.createObjectBuilder().add("pattern", pattern)
                .add("filter", Json.createObjectBuilder().add("ISSUER",
                        Json.createObjectBuilder().add("CN", issuerCommonName)))
                .build().toString();
    }

    // Chrome's URL patterns match scheme, host and port; a path is not part of them.
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    static String issuerCommonName(X509Certificate ca) {
        try {
            for (Rdn rdn : new LdapName(ca.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            throw new IllegalStateException("The SCEP CA's subject cannot be read", e);
        }
        throw new IllegalStateException("The SCEP CA's subject has no common name");
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
