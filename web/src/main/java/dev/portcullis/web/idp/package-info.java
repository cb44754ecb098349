/**
 * The IdP's HTTP face: metadata, the SSO bindings, the client certificate serial, and pages for people.
 */
package dev.portcullis.web.idp;
