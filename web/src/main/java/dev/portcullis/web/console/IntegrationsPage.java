package dev.portcullis.web.console;

import dev.portcullis.ca.SerialFormat;
import dev.portcullis.idp.IdpEndpoints;
import dev.portcullis.idp.SingleSignOnService;
import dev.portcullis.settings.AppSettings;
import dev.portcullis.settings.DeploymentConfig;
import dev.portcullis.settings.OktaConnectionCache;
import dev.portcullis.settings.SettingsChange;
import dev.portcullis.settings.SettingsService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/**
 * Settings > Integrations: the Okta connection's state, the values Okta and the mTLS proxy need,
 * and the bypass switch. The Connect/Edit modal has its own bean, {@link OktaConnectionDialog}.
 */
@Named
@ViewScoped
public class IntegrationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient SettingsService settings;

    @EJB
    private transient OktaConnectionCache connection;

    @EJB
    private transient SingleSignOnService sso;

    @Inject
    private transient DeploymentConfig config;

    private OktaConnectionView okta;
    private boolean bypassDisabled;
    private String metadataUrl;
    private String ssoUrl;
    private String serialFormat;

    @PostConstruct
    public void refresh() {
        AppSettings current = settings.view();
        okta = OktaConnectionView.of(current);
        bypassDisabled = current.bypassDisabled();
        Optional<String> serverUrl = connection.current().serverUrl();
        IdpEndpoints endpoints = serverUrl.map(sso::endpoints).orElse(null);
        metadataUrl = endpoints == null ? null : endpoints.entityId();
        ssoUrl = endpoints == null ? null : endpoints.ssoUrl();
        serialFormat = config.serialFormat() == SerialFormat.DECIMAL ? "decimal" : "hex";
    }

    /** The checkbox saves at once; the service keeps the activity log. */
    public void saveBypass() {
        try {
            bypassDisabled = settings.update(new SettingsChange(null, null, null, bypassDisabled, null), actor())
                    .bypassDisabled();
            Feedback.done(bypassDisabled
                    ? "Bypass disabled: end users can no longer choose \"Resolve later\"."
                    : "Bypass enabled: end users may take one sign-in with failing policies (\"Resolve later\").");
        } catch (RuntimeException e) {
            bypassDisabled = !bypassDisabled;
            Feedback.failed(e);
        }
    }

    /** Clears the four Okta values: sign-ins through Okta are refused until it is connected again. */
    public void delete() {
        try {
            settings.update(new SettingsChange(null, null, new SettingsChange.OktaConnection("", "", "", ""), null, null),
                    actor());
            Feedback.done("Okta connection deleted.");
        } catch (RuntimeException e) {
            Feedback.failed(e);
        }
        refresh();
    }

    static String actor() {
        var principal = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return principal == null ? null : principal.getName();
    }

    public OktaConnectionView getOkta() { return okta; }
    public boolean isBypassDisabled() { return bypassDisabled; }
    public void setBypassDisabled(boolean bypassDisabled) { this.bypassDisabled = bypassDisabled; }
    public String getMetadataUrl() { return metadataUrl; }
    public String getSsoUrl() { return ssoUrl; }
    public String getSerialFormat() { return serialFormat; }
}
