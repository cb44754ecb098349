/**
 * The certificate authority: CA and signing identities, client certificate issuance from
 * device CSRs, and certificate serial numbers as the proxies and the database see them.
 */
package dev.portcullis.ca;
