package dev.portcullis.ca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/** Creates the long-lived self-signed identities: the SCEP CA and the SAML IdP signer. */
public final class CertificateAuthorityFactory {

    private static final int RSA_KEY_BITS = 2048;
    private static final int VALIDITY_YEARS = 10;
    // Devices with a slightly slow clock must still accept a certificate made just now.
    static final Duration BACKDATING = Duration.ofMinutes(5);

    private final SecureRandom random;

    public CertificateAuthorityFactory(SecureRandom random) {
        this.random = random;
    }

    public CertificateAuthorityFactory() {
        this(new SecureRandom());
    }

    public KeyPairAndCertificate createScepCa(String commonName, Instant now) {
        return selfSigned(commonName, now, true,
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
    }

    public KeyPairAndCertificate createSigningIdentity(String commonName, Instant now) {
        return selfSigned(commonName, now, false, new KeyUsage(KeyUsage.digitalSignature));
    }

    private KeyPairAndCertificate selfSigned(String commonName, Instant now, boolean ca, KeyUsage keyUsage) {
        KeyPair keyPair = newRsaKeyPair();
        X500Name name = commonNameOnly(commonName);
        Instant start = now.truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.atZone(ZoneOffset.UTC).plusYears(VALIDITY_YEARS).toInstant();
        try {
            var extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder template = new JcaX509v3CertificateBuilder(
                    name, CertificateSerial.random(random).value(),
                    Date.from(start.minus(BACKDATING)), Date.from(end),
                    name, keyPair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                    .addExtension(Extension.keyUsage, true, keyUsage)
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keyPair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(keyPair.getPublic()));
            return new KeyPairAndCertificate(keyPair.getPrivate(),
                    CertificateSigner.sign(template, keyPair.getPrivate()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Could not build the certificate for " + commonName, e);
        }
    }

    private KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_KEY_BITS, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is unavailable", e);
        }
    }

    // Built attribute by attribute so a comma or equals sign in the name cannot add RDNs.
    private static X500Name commonNameOnly(String commonName) {
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("A certificate needs a common name");
        }
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }
}
