package dev.portcullis.bench;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.Deflater;

/**
 * Okta's side of an HTTP-Redirect sign-in, in plain Java: an AuthnRequest, raw-deflated,
 * base64'd and URL-encoded, with the query signed as SAML bindings section 3.4.4.1 says.
 */
final class RedirectSignIn {

    static final String SIG_ALG = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    private final PrivateKey oktaKey;
    private final String audience;
    private final String ssoUrl;
    private final String nameId;

    RedirectSignIn(PrivateKey oktaKey, String audience, String ssoUrl, String nameId) {
        this.oktaKey = oktaKey;
        this.audience = audience;
        this.ssoUrl = ssoUrl;
        this.nameId = nameId;
    }

    /** A signed query string with a fresh ID (the server refuses a replayed one). */
    String query(String relayState) {
        String xml = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\""
                + " ID=\"_" + UUID.randomUUID().toString().replace("-", "") + "\" Version=\"2.0\""
                + " IssueInstant=\"" + Instant.now() + "\" Destination=\"" + ssoUrl + "\">"
                + "<saml:Issuer>" + audience + "</saml:Issuer>"
                + "<saml:Subject><saml:NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified\">"
                + nameId + "</saml:NameID></saml:Subject>"
                + "<samlp:NameIDPolicy Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified\"/>"
                + "</samlp:AuthnRequest>";
        String signed = "SAMLRequest=" + urlEncode(Base64.getEncoder().encodeToString(rawDeflate(xml)))
                + "&RelayState=" + urlEncode(relayState)
                + "&SigAlg=" + urlEncode(SIG_ALG);
        return signed + "&Signature=" + urlEncode(Base64.getEncoder().encodeToString(sign(signed)));
    }

    private byte[] sign(String octets) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(oktaKey);
            signature.update(octets.getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** DEFLATE without the zlib header, as the Redirect binding requires. */
    private static byte[] rawDeflate(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
