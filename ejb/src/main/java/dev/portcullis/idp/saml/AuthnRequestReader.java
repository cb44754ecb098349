package dev.portcullis.idp.saml;

import org.opensaml.saml.saml2.core.AuthnRequest;

/**
 * Reads an AuthnRequest from either binding. The HTTP layer hands over the raw parameter
 * (POST) or the raw query string (Redirect); all decoding happens here. Thread-safe.
 */
public final class AuthnRequestReader {

    public AuthnRequestReader() {
        SamlRuntime.initialize();
    }

    /** HTTP-POST: the form's SAMLRequest value, base64 of the (normally un-deflated) XML. */
    public ReceivedAuthnRequest readPost(String samlRequestParam) throws SamlRequestException {
        if (samlRequestParam == null || samlRequestParam.isBlank()) {
            throw new SamlRequestException("SAMLRequest is missing");
        }
        SamlMessageDecoding.requireWithinLimit(samlRequestParam, "SAMLRequest");
        byte[] bytes = SamlMessageDecoding.base64(samlRequestParam, "SAMLRequest");
        // Okta posts plain XML; some SPs deflate it anyway.
        byte[] xml = SamlMessageDecoding.looksLikeXml(bytes) ? bytes : SamlMessageDecoding.inflate(bytes);
        AuthnRequest request = SamlXml.parse(xml, AuthnRequest.DEFAULT_ELEMENT_NAME, AuthnRequest.class);
        return new ReceivedAuthnRequest(request, null, new EnvelopedRequestSignature(request));
    }

    /** HTTP-Redirect: the query string exactly as received, before any URL decoding. */
    public ReceivedAuthnRequest readRedirect(String rawQueryString) throws SamlRequestException {
        if (rawQueryString == null || rawQueryString.isBlank()) {
            throw new SamlRequestException("SAMLRequest is missing");
        }
        SamlMessageDecoding.requireWithinLimit(rawQueryString, "query string");
        RedirectQuery query = RedirectQuery.parse(rawQueryString);
        byte[] deflated = SamlMessageDecoding.base64(query.decodedBase64(RedirectQuery.SAML_REQUEST), "SAMLRequest");
        byte[] xml = SamlMessageDecoding.inflate(deflated);
        AuthnRequest request = SamlXml.parse(xml, AuthnRequest.DEFAULT_ELEMENT_NAME, AuthnRequest.class);

        String signatureParam = query.decodedBase64(RedirectQuery.SIGNATURE);
        byte[] signatureValue = signatureParam == null ? null : SamlMessageDecoding.base64(signatureParam, "Signature");
        RequestSignature signature = new RedirectQuerySignature(
                query.signedOctets(), query.decoded(RedirectQuery.SIG_ALG), signatureValue);
        return new ReceivedAuthnRequest(request, query.decoded(RedirectQuery.RELAY_STATE), signature);
    }
}
