/**
 * The SAML 2.0 message layer of the IdP: reading AuthnRequests from the HTTP-POST and
 * HTTP-Redirect bindings, building signed Responses, metadata and the auto-post form.
 * Plain Java over OpenSAML, with no HTTP, persistence or container types.
 */
package dev.portcullis.idp.saml;
