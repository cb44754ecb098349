package dev.portcullis.it.peers;

import java.math.BigInteger;
import java.net.URL;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Security;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.X509CertSelector;
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
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jscep.client.Client;
import org.jscep.client.EnrollmentResponse;
import org.jscep.client.verification.OptimisticCertificateVerifier;

/**
 * A Mac as the SCEP protocol sees it, played by jscep: an RSA key and a CSR carrying the
 * challenge password and the SAN URI urn:device:apple:uuid:&lt;hardware UUID&gt;, like the
 * profile's SCEP payload makes macOS send.
 */
public final class ScepDevice {

    static {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private final KeyPair keyPair;
    private final X509Certificate selfSigned;
    private X509Certificate issued;

    public ScepDevice() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keyPair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=SCEP requester");
        Instant now = Instant.now();
        var template = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), name, keyPair.getPublic());
        selfSigned = new JcaX509CertificateConverter().getCertificate(
                template.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
    }

    /** A CSR like macOS's; a null SAN or challenge leaves that part out. */
    public PKCS10CertificationRequest csr(String hardwareUuid, String challenge) throws Exception {
        var builder = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=Portcullis device,O=Test"), keyPair.getPublic());
        if (hardwareUuid != null) {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                    new GeneralName(GeneralName.uniformResourceIdentifier, "urn:device:apple:uuid:" + hardwareUuid)));
            builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
        }
        if (challenge != null) {
            ASN1Encodable password = new DERPrintableString(challenge);
            builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_challengePassword, password);
        }
        return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate()));
    }

    /** jscep's full client over HTTP: GetCACaps, GetCACert, then PKIOperation. */
    public EnrollmentResponse enroll(String scepUrl, PKCS10CertificationRequest csr) throws Exception {
        Client client = new Client(new URL(scepUrl), new OptimisticCertificateVerifier());
        EnrollmentResponse response = client.enrol(selfSigned, keyPair.getPrivate(), csr);
        if (response.isSuccess()) {
            issued = issuedFrom(response.getCertStore());
        }
        return response;
    }

    private X509Certificate issuedFrom(CertStore store) throws Exception {
        X509CertSelector mine = new X509CertSelector();
        mine.setSubjectPublicKey(keyPair.getPublic());
        for (Certificate c : store.getCertificates(mine)) {
            return (X509Certificate) c;
        }
        throw new IllegalStateException("the CertRep holds no certificate for this device's key");
    }

    public X509Certificate issued() {
        return issued;
    }

    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public X509Certificate selfSigned() {
        return selfSigned;
    }
}
