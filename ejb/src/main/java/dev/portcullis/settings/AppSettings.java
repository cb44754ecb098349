package dev.portcullis.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The settings an administrator changes at run time; one row, shared by every node. */
@Entity
@Table(name = "app_settings")
public class AppSettings {

    public static final long SINGLETON_ID = 1L;

    @Id
    private Long id = SINGLETON_ID;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "org_name", length = 255)
    private String orgName;

    @Column(name = "server_url", length = 2048)
    private String serverUrl;

    @Column(name = "okta_idp_id", length = 255)
    private String oktaIdpId;

    @Column(name = "okta_acs_url", length = 2048)
    private String oktaAssertionConsumerServiceUrl;

    @Column(name = "okta_audience_uri", length = 2048)
    private String oktaAudienceUri;

    @Lob
    @Column(name = "okta_certificate")
    private String oktaCertificatePem;

    @Column(name = "bypass_disabled", nullable = false)
    private boolean bypassDisabled;

    /** Fleet's "No team" switch: whether hosts in no team are gated by the global policies. */
    @Column(name = "no_team_conditional_access", nullable = false)
    private boolean noTeamConditionalAccessEnabled;

    public AppSettings() {
    }

    public Long id() { return id; }
    public long version() { return version; }
    public String orgName() { return orgName; }
    public void setOrgName(String name) { this.orgName = name; }
    public String serverUrl() { return serverUrl; }
    public void setServerUrl(String url) { this.serverUrl = url; }
    public String oktaIdpId() { return oktaIdpId; }
    public String oktaAssertionConsumerServiceUrl() { return oktaAssertionConsumerServiceUrl; }
    public String oktaAudienceUri() { return oktaAudienceUri; }
    public String oktaCertificatePem() { return oktaCertificatePem; }
    public boolean bypassDisabled() { return bypassDisabled; }
    public void setBypassDisabled(boolean disabled) { this.bypassDisabled = disabled; }
    public boolean noTeamConditionalAccessEnabled() { return noTeamConditionalAccessEnabled; }
    public void setNoTeamConditionalAccessEnabled(boolean enabled) { this.noTeamConditionalAccessEnabled = enabled; }

    public void connectOkta(String idpId, String acsUrl, String audienceUri, String certificatePem) {
        this.oktaIdpId = idpId;
        this.oktaAssertionConsumerServiceUrl = acsUrl;
        this.oktaAudienceUri = audienceUri;
        this.oktaCertificatePem = certificatePem;
    }

    public boolean oktaConnected() {
        return oktaAudienceUri != null && oktaAssertionConsumerServiceUrl != null;
    }
}
