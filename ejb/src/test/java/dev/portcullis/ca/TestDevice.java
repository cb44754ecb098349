package dev.portcullis.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A device as a SCEP client sees itself: an RSA key, the throwaway self-signed certificate
 * it signs its pkiMessage with, and a CSR like the one macOS builds from a SCEP payload.
 */
public record TestDevice(KeyPair keyPair, X509Certificate selfSigned) {

    public static final String UUID = "5d3c1a2b-9e8f-4a7b-8c6d-1e2f3a4b5c6d";
    public static final String CHALLENGE = "enrol-me-7f3a";

    public static TestDevice create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keyPair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=SCEP requester");
            Instant now = Instant.now();
            var template = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))),
                    name, keyPair.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate());
            return new TestDevice(keyPair, new JcaX509CertificateConverter().getCertificate(template.build(signer)));
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    public PKCS10CertificationRequest csrWithDeviceUuid() {
        return csr("urn:device:apple:uuid:" + UUID, new DERPrintableString(CHALLENGE));
    }

    /** Either part may be null to leave it out. */
    public PKCS10CertificationRequest csr(String subjectAltNameUri, ASN1Encodable challengePassword) {
        try {
            var builder = new JcaPKCS10CertificationRequestBuilder(
                    new X500Name("CN=Test Mac,O=Portcullis"), keyPair.getPublic());
            if (subjectAltNameUri != null) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, subjectAltNameUri)));
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            if (challengePassword != null) {
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_challengePassword, challengePassword);
            }
            return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate()));
        } catch (java.io.IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
