package dev.portcullis.web.api;

import dev.portcullis.settings.AppSettings;
import dev.portcullis.settings.DeploymentConfig;
import dev.portcullis.settings.SettingsChange;
import dev.portcullis.settings.SettingsService;
import dev.portcullis.web.JsonBody;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;

/** The app config: organisation, server URL, the Okta connection and the conditional-access switches. */
@Path("v1/fleet/config")
@Authenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConfigResource {

    private static final String[] OKTA_FIELDS = {"okta_idp_id", "okta_assertion_consumer_service_url",
            "okta_audience_uri", "okta_certificate"};

    public record OrgInfo(String orgName) {
    }

    public record ServerSettings(String serverUrl) {
    }

    public record ConditionalAccess(String oktaIdpId, String oktaAssertionConsumerServiceUrl, String oktaAudienceUri,
                                    String oktaCertificate, boolean bypassDisabled) {
    }

    public record Integrations(boolean conditionalAccessEnabled) {
    }

    public record ConfigJson(OrgInfo orgInfo, ServerSettings serverSettings, ConditionalAccess conditionalAccess,
                             Integrations integrations) {
    }

    @Inject
    private SettingsService settings;

    @Inject
    private DeploymentConfig config;

    @GET
    public ConfigJson get() {
        return view(settings.view());
    }

    /** Changes any subset; within conditional_access, the four Okta fields go together. */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public ConfigJson update(InputStream body, @Context SecurityContext security) {
        JsonObject json = JsonBody.read(body);
        JsonObject org = JsonBody.object(json, "org_info");
        JsonObject server = JsonBody.object(json, "server_settings");
        JsonObject ca = JsonBody.object(json, "conditional_access");
        JsonObject integrations = JsonBody.object(json, "integrations");
        SettingsChange.OktaConnection okta = null;
        if (ca != null && java.util.Arrays.stream(OKTA_FIELDS).anyMatch(ca::containsKey)) {
            // A PATCH merges: Okta fields it leaves out keep their stored values.
            AppSettings stored = settings.current();
            okta = new SettingsChange.OktaConnection(
                    ca.containsKey(OKTA_FIELDS[0]) ? JsonBody.string(ca, OKTA_FIELDS[0]) : stored.oktaIdpId(),
                    ca.containsKey(OKTA_FIELDS[1]) ? JsonBody.string(ca, OKTA_FIELDS[1]) : stored.oktaAssertionConsumerServiceUrl(),
                    ca.containsKey(OKTA_FIELDS[2]) ? JsonBody.string(ca, OKTA_FIELDS[2]) : stored.oktaAudienceUri(),
                    ca.containsKey(OKTA_FIELDS[3]) ? JsonBody.string(ca, OKTA_FIELDS[3]) : stored.oktaCertificatePem());
        }
        SettingsChange change = new SettingsChange(JsonBody.string(org, "org_name"),
                JsonBody.string(server, "server_url"), okta, JsonBody.bool(ca, "bypass_disabled"),
                JsonBody.bool(integrations, "conditional_access_enabled"));
        return view(settings.update(change, Actor.of(security)));
    }

    private ConfigJson view(AppSettings s) {
        String serverUrl = s.serverUrl() != null ? s.serverUrl() : config.serverUrl().orElse(null);
        return new ConfigJson(new OrgInfo(s.orgName()), new ServerSettings(serverUrl),
                new ConditionalAccess(s.oktaIdpId(), s.oktaAssertionConsumerServiceUrl(), s.oktaAudienceUri(),
                        s.oktaCertificatePem(), s.bypassDisabled()),
                new Integrations(s.noTeamConditionalAccessEnabled()));
    }
}
