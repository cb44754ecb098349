package dev.portcullis.idp.saml;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.Signer;

/** AuthnRequests as Okta would send them, built and signed with OpenSAML in the test. */
final class AuthnRequestFixtures {

    static final String OKTA_ENTITY_ID = "https://www.okta.com/saml2/service-provider/spabcdefgh";
    static final String SSO_URL = "https://okta.portcullis.example/api/fleet/conditional_access/idp/sso";
    static final String ACS_URL = "https://example.okta.com/sso/saml2/0oa1234567890";

    private AuthnRequestFixtures() {
    }

    static AuthnRequest request(String id, Instant issueInstant, String nameId) {
        SamlRuntime.initialize();
        AuthnRequest request = SamlXml.build(AuthnRequest.DEFAULT_ELEMENT_NAME);
        request.setID(id);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(issueInstant);
        request.setDestination(SSO_URL);
        request.setAssertionConsumerServiceURL(ACS_URL);
        request.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        Issuer issuer = SamlXml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(OKTA_ENTITY_ID);
        request.setIssuer(issuer);
        NameIDPolicy policy = SamlXml.build(NameIDPolicy.DEFAULT_ELEMENT_NAME);
        policy.setFormat(NameIDType.UNSPECIFIED);
        request.setNameIDPolicy(policy);
        if (nameId != null) {
            NameID name = SamlXml.build(NameID.DEFAULT_ELEMENT_NAME);
            name.setValue(nameId);
            name.setFormat(NameIDType.UNSPECIFIED);
            Subject subject = SamlXml.build(Subject.DEFAULT_ELEMENT_NAME);
            subject.setNameID(name);
            request.setSubject(subject);
        }
        return request;
    }

    static AuthnRequest request() {
        return request(SamlIds.newId(), Instant.now(), "alice@example.com");
    }

    /** Serialised XML, signed enveloped with the given key when signer is not null. */
    static String xml(AuthnRequest request, TestCredentials signer, String signatureAlgorithm) throws Exception {
        Signature signature = null;
        if (signer != null) {
            signature = SamlXml.build(Signature.DEFAULT_ELEMENT_NAME);
            signature.setSigningCredential(new BasicX509Credential(signer.certificate, signer.key));
            signature.setSignatureAlgorithm(signatureAlgorithm);
            signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            signature.setKeyInfo(CertificateKeyInfo.of(signer.certificate));
            request.setSignature(signature);
            ((SAMLObjectContentReference) signature.getContentReferences().get(0))
                    .setDigestAlgorithm(SignatureConstants.ALGO_ID_DIGEST_SHA256);
        }
        SamlXml.marshal(request);
        if (signature != null) {
            Signer.signObject(signature);
        }
        return SamlXml.serialize(request.getDOM());
    }

    static String signedXml(AuthnRequest request, TestCredentials signer) throws Exception {
        return xml(request, signer, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
    }

    /** The SAMLRequest form value of the HTTP-POST binding (not deflated, like Okta). */
    static String postParam(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] deflate(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            deflater.write(bytes);
        }
        return out.toByteArray();
    }

    /** An HTTP-Redirect query string; signed over its raw octets when signer is not null. */
    static String redirectQuery(String unsignedXml, String relayState, TestCredentials signer, String sigAlg, String jcaName)
            throws Exception {
        String samlRequest = Base64.getEncoder().encodeToString(deflate(unsignedXml.getBytes(StandardCharsets.UTF_8)));
        StringBuilder query = new StringBuilder("SAMLRequest=").append(encode(samlRequest));
        if (relayState != null) {
            query.append("&RelayState=").append(encode(relayState));
        }
        if (signer == null) {
            return query.toString();
        }
        query.append("&SigAlg=").append(encode(sigAlg));
        java.security.Signature rsa = java.security.Signature.getInstance(jcaName);
        rsa.initSign(signer.key);
        rsa.update(query.toString().getBytes(StandardCharsets.UTF_8));
        return query.append("&Signature=").append(encode(Base64.getEncoder().encodeToString(rsa.sign()))).toString();
    }

    static String signedRedirectQuery(String unsignedXml, String relayState, TestCredentials signer) throws Exception {
        return redirectQuery(unsignedXml, relayState, signer, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, "SHA256withRSA");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
