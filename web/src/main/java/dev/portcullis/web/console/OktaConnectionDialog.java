package dev.portcullis.web.console;

import dev.portcullis.problem.Refusal;
import dev.portcullis.profile.ProfileService;
import dev.portcullis.settings.AppSettings;
import dev.portcullis.settings.PemCertificate;
import dev.portcullis.settings.SettingsChange;
import dev.portcullis.settings.SettingsService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.util.FileUploadUtils;
import org.primefaces.util.LocaleUtils;
import org.primefaces.util.MessageFactory;

/**
 * The Connect / Edit modal of Settings > Integrations > Okta: what to hand to Okta and the MDM (guide
 * steps 1 and 2) and the four values Okta gives back (step 4). Nothing is stored before Save.
 */
@Named
@ViewScoped
public class OktaConnectionDialog implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String CERTIFICATE_FIELD = "okta:certificate";
    private static final Map<String, String> FIELDS = Map.of("okta_idp_id", "okta:idpId",
            "okta_assertion_consumer_service_url", "okta:acsUrl", "okta_audience_uri", "okta:audienceUri",
            "okta_certificate", CERTIFICATE_FIELD);

    @EJB
    private transient SettingsService settings;

    @EJB
    private transient ProfileService profiles;

    @Inject
    private IntegrationsPage page;

    private boolean editing;
    private String idpId;
    private String acsUrl;
    private String audienceUri;
    private String storedCertificate;
    /** A certificate is a few KB; the browser and the server both refuse anything larger than this. */
    static final long MAX_CERTIFICATE_BYTES = 65_536;

    private String uploadedCertificate;
    private String certificateDescription;
    private String profile;
    private String profileUnavailable;

    /** Opens the modal, prefilled with the stored values when Okta is already connected. */
    public void open() {
        AppSettings current = settings.view();
        editing = current.oktaConnected();
        idpId = current.oktaIdpId();
        acsUrl = current.oktaAssertionConsumerServiceUrl();
        audienceUri = current.oktaAudienceUri();
        storedCertificate = current.oktaCertificatePem();
        uploadedCertificate = null;
        certificateDescription = storedCertificate == null ? null
                : "Current: " + OktaConnectionView.describe(PemCertificate.parse(storedCertificate));
        loadProfile();
    }

    private void loadProfile() {
        profile = null;
        profileUnavailable = null;
        try {
            profile = new String(profiles.appleUserScopeProfile(), StandardCharsets.UTF_8);
        } catch (Refusal refusal) {
            profileUnavailable = refusal.getMessage();
        } catch (EJBAccessException e) {
            // The profile carries an enroll secret as its SCEP challenge.
            profileUnavailable = "Only administrators and maintainers see the profile: it contains an enroll secret.";
        }
    }

    /** Checks the Okta certificate as soon as it is chosen, so a wrong file is refused on its field. */
    public void upload(FileUploadEvent event) {
        uploadedCertificate = null;
        certificateDescription = null;
        String name = event.getFile().getFileName();
        if (event.getFile().getSize() > MAX_CERTIFICATE_BYTES) {
            tooLarge(name);
            return;
        }
        String text = new String(event.getFile().getContent(), StandardCharsets.UTF_8);
        X509Certificate certificate;
        try {
            certificate = PemCertificate.parse(text);
        } catch (IllegalArgumentException e) {
            Feedback.onField(CERTIFICATE_FIELD, name + " was refused: " + e.getMessage() + ".");
            return;
        }
        // Okta signs with its current certificate: an expired one is the wrong file (Save checks it again).
        if (!certificate.getNotAfter().toInstant().isAfter(Instant.now())) {
            Feedback.onField(CERTIFICATE_FIELD, "Expired on " + OktaConnectionView.validUntil(certificate) + ": " + name
                    + " was refused. Download Okta's current certificate.");
            return;
        }
        certificateDescription = "Selected " + name + ": " + OktaConnectionView.describe(certificate);
        uploadedCertificate = text;
    }

    /**
     * The browser refused a file over {@link #getMaxCertificateBytes()} before sending it (a large one
     * would not even reach the page): the same message on the field as for one that was sent.
     */
    public void refuseTooLarge() {
        uploadedCertificate = null;
        certificateDescription = null;
        String name = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("fileName");
        tooLarge(name == null || name.isBlank() ? "The file" : name.strip());
    }

    /** Says it as p:validateFile does for a file it refuses on the server. */
    private static void tooLarge(String fileName) {
        FacesContext faces = FacesContext.getCurrentInstance();
        FacesMessage message = MessageFactory.getFacesMessage(faces, "primefaces.FileValidator.SIZE_LIMIT",
                FacesMessage.SEVERITY_ERROR, fileName, FileUploadUtils.formatBytes(MAX_CERTIFICATE_BYTES, LocaleUtils.getCurrentLocale(faces)));
        faces.addMessage(CERTIFICATE_FIELD, message);
        faces.validationFailed();
    }

    public void save() {
        String certificate = uploadedCertificate != null ? uploadedCertificate : storedCertificate;
        Map<String, String> missing = missing(certificate);
        if (!missing.isEmpty()) {
            missing.forEach((field, reason) -> Feedback.onField(FIELDS.get(field), reason));
            if (missing.size() < FIELDS.size()) {
                // What is wrong with the values given, all at once, not only after the missing ones are filled in.
                try {
                    settings.checkOkta(new SettingsChange.OktaConnection(idpId, acsUrl, audienceUri, certificate));
                } catch (RuntimeException e) {
                    Feedback.failed(e, FIELDS, missing.keySet());
                }
            }
            return;
        }
        try {
            settings.update(new SettingsChange(null, null,
                    new SettingsChange.OktaConnection(idpId, acsUrl, audienceUri, certificate), null, null),
                    IntegrationsPage.actor());
            Feedback.done(editing ? "Okta connection saved." : "Okta connected.");
            page.refresh();
        } catch (RuntimeException e) {
            Feedback.failed(e, FIELDS);
        }
    }

    /** Every field is needed (four empty values would mean "disconnect" to the service): API name to reason. */
    private Map<String, String> missing(String certificate) {
        Map<String, String> missing = new LinkedHashMap<>();
        if (blank(idpId)) missing.put("okta_idp_id", "Enter the IdP ID from Okta.");
        if (blank(acsUrl)) missing.put("okta_assertion_consumer_service_url", "Enter the Assertion Consumer Service URL from Okta.");
        if (blank(audienceUri)) missing.put("okta_audience_uri", "Enter the Audience URI from Okta.");
        if (blank(certificate)) missing.put("okta_certificate", "Upload the certificate downloaded from Okta.");
        return missing;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public long getMaxCertificateBytes() { return MAX_CERTIFICATE_BYTES; }
    public boolean isEditing() { return editing; }
    public String getIdpId() { return idpId; }
    public void setIdpId(String idpId) { this.idpId = idpId; }
    public String getAcsUrl() { return acsUrl; }
    public void setAcsUrl(String acsUrl) { this.acsUrl = acsUrl; }
    public String getAudienceUri() { return audienceUri; }
    public void setAudienceUri(String audienceUri) { this.audienceUri = audienceUri; }
    public String getCertificateDescription() { return certificateDescription; }
    public String getProfile() { return profile; }
    public String getProfileUnavailable() { return profileUnavailable; }
}
