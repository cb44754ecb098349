/**
 * SCEP over HTTP at Fleet's path: operation dispatch, body limits, and CertRep answers.
 */
package dev.portcullis.web.scep;
