package dev.portcullis.ca;

import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Signs finished certificate templates with SHA256withRSA. */
final class CertificateSigner {

    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    private CertificateSigner() {
    }

    static X509Certificate sign(X509v3CertificateBuilder template, PrivateKey issuerKey) {
        try {
            var signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
                    .setProvider(CryptoProvider.bouncyCastle())
                    .build(issuerKey);
            // The platform's certificate factory: callers get ordinary JDK certificate objects.
            return new JcaX509CertificateConverter().getCertificate(template.build(signer));
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("Could not sign a certificate", e);
        }
    }
}
