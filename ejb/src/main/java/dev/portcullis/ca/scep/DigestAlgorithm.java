package dev.portcullis.ca.scep;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;

/**
 * Message digests accepted on a pkiMessage. The CertRep is signed with the one the client
 * used, so SHA-1 stays for old clients even though only SHA-256 and SHA-512 are advertised.
 */
public enum DigestAlgorithm {
    SHA1(OIWObjectIdentifiers.idSHA1, "SHA1withRSA"),
    SHA256(NISTObjectIdentifiers.id_sha256, "SHA256withRSA"),
    SHA384(NISTObjectIdentifiers.id_sha384, "SHA384withRSA"),
    SHA512(NISTObjectIdentifiers.id_sha512, "SHA512withRSA");

    private final ASN1ObjectIdentifier oid;
    private final String rsaSignatureAlgorithm;

    DigestAlgorithm(ASN1ObjectIdentifier oid, String rsaSignatureAlgorithm) {
        this.oid = oid;
        this.rsaSignatureAlgorithm = rsaSignatureAlgorithm;
    }

    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    String rsaSignatureAlgorithm() {
        return rsaSignatureAlgorithm;
    }

    public static Optional<DigestAlgorithm> of(ASN1ObjectIdentifier oid) {
        return Arrays.stream(values()).filter(digest -> digest.oid.equals(oid)).findFirst();
    }
}
