package dev.portcullis.ca;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** Turns a device's certificate request into a TLS client certificate signed by the SCEP CA. */
public final class ClientCertificateIssuer {

    /** Apple's maximum certificate lifetime. */
    public static final Duration VALIDITY = Duration.ofDays(398);

    public X509Certificate issue(PKCS10CertificationRequest csr, KeyPairAndCertificate ca,
            CertificateSerial serial, Instant now) {
        Extension subjectAltName = CertificationRequestContents
                .requestedExtension(csr, Extension.subjectAlternativeName)
                .orElseThrow(() -> new IllegalArgumentException(
                        "The certificate request carries no subjectAltName to identify the device"));
        Instant start = now.truncatedTo(ChronoUnit.SECONDS);
        Instant end = earlier(start.plus(VALIDITY), ca.certificate().getNotAfter().toInstant());
        X500Name subject = csr.getSubject();
        try {
            var extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder template = new X509v3CertificateBuilder(
                    new JcaX509CertificateHolder(ca.certificate()).getSubject(), serial.value(),
                    Date.from(start.minus(CertificateAuthorityFactory.BACKDATING)), Date.from(end),
                    subject, csr.getSubjectPublicKeyInfo())
                    .addExtension(Extension.basicConstraints, false, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                    // RFC 5280: with an empty subject the alternative name is the identity and must be critical.
                    .addExtension(Extension.subjectAlternativeName,
                            subjectAltName.isCritical() || subject.getRDNs().length == 0,
                            subjectAltName.getParsedValue())
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(csr.getSubjectPublicKeyInfo()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(ca.certificate()));
            return CertificateSigner.sign(template, ca.privateKey());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Could not issue a certificate for " + subject, e);
        }
    }

    /** The device UUID from a SAN URI {@code urn:device:apple:uuid:<UUID>}, upper case. */
    public static Optional<String> deviceUuid(PKCS10CertificationRequest csr) {
        return CertificationRequestContents.deviceUuid(csr);
    }

    /** The PKCS#9 challengePassword. Never log it. */
    public static Optional<String> challengePassword(PKCS10CertificationRequest csr) {
        return CertificationRequestContents.challengePassword(csr);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
