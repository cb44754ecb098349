package dev.portcullis.web.console;

import dev.portcullis.settings.AppSettings;
import dev.portcullis.settings.PemCertificate;
import java.io.Serializable;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The stored Okta connection as the console shows it: the values, and who the certificate names and until when. */
public final class OktaConnectionView implements Serializable {

    private static final long serialVersionUID = 1L;

    private final boolean connected;
    private final String idpId;
    private final String assertionConsumerServiceUrl;
    private final String audienceUri;
    private final String certificateSubject;
    private final String certificateValidUntil;

    private OktaConnectionView(AppSettings settings, X509Certificate certificate) {
        this.connected = settings.oktaConnected();
        this.idpId = settings.oktaIdpId();
        this.assertionConsumerServiceUrl = settings.oktaAssertionConsumerServiceUrl();
        this.audienceUri = settings.oktaAudienceUri();
        this.certificateSubject = certificate == null ? null : certificate.getSubjectX500Principal().getName();
        this.certificateValidUntil = certificate == null ? null : validUntil(certificate);
    }

    public static OktaConnectionView of(AppSettings settings) {
        String pem = settings.oktaCertificatePem();
        return new OktaConnectionView(settings, pem == null || pem.isBlank() ? null : PemCertificate.parse(pem));
    }

    /** "CN=..., valid until 2027-01-31" for a certificate the console shows before it is saved. */
    static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName() + ", valid until " + validUntil(certificate);
    }

    static String validUntil(X509Certificate certificate) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(certificate.getNotAfter().toInstant().atZone(ZoneOffset.UTC));
    }

    public boolean isConnected() { return connected; }
    public String getIdpId() { return idpId; }
    public String getAssertionConsumerServiceUrl() { return assertionConsumerServiceUrl; }
    public String getAudienceUri() { return audienceUri; }
    public String getCertificateSubject() { return certificateSubject; }
    public String getCertificateValidUntil() { return certificateValidUntil; }
}
