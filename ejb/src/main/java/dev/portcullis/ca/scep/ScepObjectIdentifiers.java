package dev.portcullis.ca.scep;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** The SCEP signed-attribute types (RFC 8894 section 3.2.1), under VeriSign's arc. */
final class ScepObjectIdentifiers {

    private static final ASN1ObjectIdentifier SCEP_ATTRIBUTES = new ASN1ObjectIdentifier("2.16.840.1.113733.1.9");

    static final ASN1ObjectIdentifier MESSAGE_TYPE = SCEP_ATTRIBUTES.branch("2");
    static final ASN1ObjectIdentifier PKI_STATUS = SCEP_ATTRIBUTES.branch("3");
    static final ASN1ObjectIdentifier FAIL_INFO = SCEP_ATTRIBUTES.branch("4");
    static final ASN1ObjectIdentifier SENDER_NONCE = SCEP_ATTRIBUTES.branch("5");
    static final ASN1ObjectIdentifier RECIPIENT_NONCE = SCEP_ATTRIBUTES.branch("6");
    static final ASN1ObjectIdentifier TRANSACTION_ID = SCEP_ATTRIBUTES.branch("7");

    private ScepObjectIdentifiers() {
    }
}
