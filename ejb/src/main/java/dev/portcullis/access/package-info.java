/**
 * The conditional-access decision: given a device's certificate serial, allow, block with the failing policies, or refuse the certificate.
 */
package dev.portcullis.access;
