/**
 * The sign-in flow Okta drives: request checks, replay protection, the decision and the signed answer (SAML messages in idp.saml).
 */
package dev.portcullis.idp;
