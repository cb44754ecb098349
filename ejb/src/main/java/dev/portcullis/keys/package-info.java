/**
 * The server key and the CA and IdP private keys it encrypts at rest; created on first start, shared by every node.
 */
package dev.portcullis.keys;
