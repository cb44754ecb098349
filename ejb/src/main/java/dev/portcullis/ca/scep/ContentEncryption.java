package dev.portcullis.ca.scep;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

/**
 * Content-encryption algorithms accepted in a pkcsPkiEnvelope. The CertRep envelope uses the
 * one the request used. Single DES and RC2 are refused.
 */
public enum ContentEncryption {
    AES_128_CBC(NISTObjectIdentifiers.id_aes128_CBC),
    AES_256_CBC(NISTObjectIdentifiers.id_aes256_CBC),
    DES_EDE3_CBC(PKCSObjectIdentifiers.des_EDE3_CBC);

    private final ASN1ObjectIdentifier oid;

    ContentEncryption(ASN1ObjectIdentifier oid) {
        this.oid = oid;
    }

    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    public static Optional<ContentEncryption> of(ASN1ObjectIdentifier oid) {
        return Arrays.stream(values()).filter(encryption -> encryption.oid.equals(oid)).findFirst();
    }
}
