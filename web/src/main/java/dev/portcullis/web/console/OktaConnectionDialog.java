package dev.portcullis.web.console;

import dev.portcullis.problem.Refusal;
import dev.portcullis.profile.ProfileService;
import dev.portcullis.settings.AppSettings;
import dev.portcullis.settings.PemCertificate;
import dev.portcullis.settings.SettingsChange;
import dev.portcullis.settings.SettingsService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;

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
    private static final long MAX_CERTIFICATE_BYTES = 65_536;

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
        if (event.getFile().getSize() > MAX_CERTIFICATE_BYTES) {
            certificateDescription = null;
            Feedback.onField(CERTIFICATE_FIELD, event.getFile().getFileName() + " was refused: it is too large for a "
                    + "certificate (at most 64 KB). Choose the PEM certificate downloaded from Okta.");
            return;
        }
        String text = new String(event.getFile().getContent(), StandardCharsets.UTF_8);
        try {
            certificateDescription = "Selected " + event.getFile().getFileName() + ": "
                    + OktaConnectionView.describe(PemCertificate.parse(text));
            uploadedCertificate = text;
        } catch (IllegalArgumentException e) {
            certificateDescription = null;
            Feedback.onField(CERTIFICATE_FIELD, event.getFile().getFileName() + " was refused: " + e.getMessage() + ".");
        }
    }

    public void save() {
        String certificate = uploadedCertificate != null ? uploadedCertificate : storedCertificate;
        if (!allFilled(certificate)) {
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

    /** Every field is needed: four empty values would mean "disconnect" to the service. */
    private boolean allFilled(String certificate) {
        boolean filled = true;
        filled &= filled(idpId, "okta:idpId", "Enter the IdP ID from Okta.");
        filled &= filled(acsUrl, "okta:acsUrl", "Enter the Assertion Consumer Service URL from Okta.");
        filled &= filled(audienceUri, "okta:audienceUri", "Enter the Audience URI from Okta.");
        filled &= filled(certificate, CERTIFICATE_FIELD, "Upload the certificate downloaded from Okta.");
        return filled;
    }

    private static boolean filled(String value, String clientId, String message) {
        if (value == null || value.isBlank()) {
            Feedback.onField(clientId, message);
            return false;
        }
        return true;
    }

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
