/**
 * SCEP (RFC 8894) messages: reading PKCSReq and RenewalReq pkiMessages, writing CertRep
 * replies, and the GetCACaps and GetCACert bodies. No HTTP and no storage here.
 */
package dev.portcullis.ca.scep;
