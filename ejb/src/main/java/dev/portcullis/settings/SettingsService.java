package dev.portcullis.settings;

import static dev.portcullis.user.SecurityRoles.ADMIN;
import static dev.portcullis.user.SecurityRoles.MAINTAINER;
import static dev.portcullis.user.SecurityRoles.OBSERVER;
import static dev.portcullis.user.SecurityRoles.TEAM_MAINTAINER;
import static dev.portcullis.user.SecurityRoles.TEAM_OBSERVER;

import dev.portcullis.audit.ActivityLog;
import dev.portcullis.audit.ActivityType;
import dev.portcullis.problem.Validation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Objects;

/** Reads and changes the run-time settings row. */
@Stateless
@PermitAll
public class SettingsService {

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @EJB
    private ActivityLog activities;

    /** The settings, created empty on first use. */
    public AppSettings current() {
        AppSettings settings = em.find(AppSettings.class, AppSettings.SINGLETON_ID);
        if (settings == null) {
            settings = new AppSettings();
            em.persist(settings);
            em.flush();
        }
        return settings;
    }

    /** The settings as the API shows them to any signed-in user. */
    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER, TEAM_MAINTAINER, TEAM_OBSERVER})
    public AppSettings view() {
        return current();
    }

    /** The settings row locked for the rest of the transaction, so concurrent changes queue. */
    public AppSettings currentForUpdate() {
        AppSettings settings = current();
        em.lock(settings, LockModeType.PESSIMISTIC_WRITE);
        return settings;
    }

    @RolesAllowed(ADMIN)
    public AppSettings update(@NotNull @Valid SettingsChange change, String actorEmail) {
        Validation v = new Validation();
        if (change.serverUrl() != null) {
            String problem = HttpsUrl.problemWith(change.serverUrl(), false);
            v.require(problem == null, "server_url", "server_url " + problem);
        }
        SettingsChange.OktaConnection okta = change.okta();
        boolean disconnect = okta != null && okta.allEmpty();
        if (okta != null && !disconnect) {
            validateOkta(okta, v);
        }
        v.check();

        AppSettings settings = currentForUpdate();
        if (change.orgName() != null || change.serverUrl() != null) {
            if (change.orgName() != null) settings.setOrgName(change.orgName().strip());
            if (change.serverUrl() != null) settings.setServerUrl(stripSlash(change.serverUrl().strip()));
            activities.record(ActivityType.EDITED_APP_CONFIG, actorEmail, Json.createObjectBuilder()
                    .add("org_name", String.valueOf(settings.orgName()))
                    .add("server_url", String.valueOf(settings.serverUrl())).build());
        }
        if (okta != null) {
            if (disconnect) {
                if (settings.oktaConnected() || settings.oktaCertificatePem() != null) {
                    settings.connectOkta(null, null, null, null);
                    activities.record(ActivityType.DELETED_CONDITIONAL_ACCESS, actorEmail, null);
                }
            } else {
                settings.connectOkta(okta.idpId().strip(), okta.acsUrl().strip(), okta.audienceUri().strip(),
                        okta.certificatePem().strip() + "\n");
                activities.record(ActivityType.EDITED_CONDITIONAL_ACCESS, actorEmail, Json.createObjectBuilder()
                        .add("okta_idp_id", settings.oktaIdpId())
                        .add("okta_assertion_consumer_service_url", settings.oktaAssertionConsumerServiceUrl())
                        .add("okta_audience_uri", settings.oktaAudienceUri()).build());
            }
        }
        if (change.bypassDisabled() != null && change.bypassDisabled() != settings.bypassDisabled()) {
            settings.setBypassDisabled(change.bypassDisabled());
            activities.record(ActivityType.EDITED_CONDITIONAL_ACCESS, actorEmail, Json.createObjectBuilder()
                    .add("bypass_disabled", settings.bypassDisabled()).build());
        }
        if (change.noTeamConditionalAccessEnabled() != null
                && !Objects.equals(change.noTeamConditionalAccessEnabled(), settings.noTeamConditionalAccessEnabled())) {
            settings.setNoTeamConditionalAccessEnabled(change.noTeamConditionalAccessEnabled());
            activities.record(ActivityType.EDITED_CONDITIONAL_ACCESS, actorEmail, Json.createObjectBuilder()
                    .addNull("team_id")
                    .add("conditional_access_enabled", settings.noTeamConditionalAccessEnabled()).build());
        }
        return settings;
    }

    /**
     * Checks Okta values as {@link #update} would, without storing anything, so a form can show every
     * field's reason at once even while a value is still missing; throws the same refusal.
     */
    @RolesAllowed(ADMIN)
    public void checkOkta(@NotNull SettingsChange.OktaConnection okta) {
        Validation v = new Validation();
        validateOkta(okta, v);
        v.check();
    }

    private static void validateOkta(SettingsChange.OktaConnection okta, Validation v) {
        v.require(!SettingsChange.OktaConnection.blank(okta.idpId()), "okta_idp_id",
                "okta_idp_id is required with the other Okta fields (or clear all four to disconnect)");
        // The column lengths: a longer value is a paste gone wrong, said on its field, not a database error.
        v.maxLength(okta.idpId(), 255, "okta_idp_id");
        v.maxLength(okta.acsUrl(), 2048, "okta_assertion_consumer_service_url");
        v.maxLength(okta.audienceUri(), 2048, "okta_audience_uri");
        String acs = HttpsUrl.problemWith(okta.acsUrl());
        v.require(acs == null, "okta_assertion_consumer_service_url", "okta_assertion_consumer_service_url " + acs);
        String audience = HttpsUrl.problemWith(okta.audienceUri());
        v.require(audience == null, "okta_audience_uri", "okta_audience_uri " + audience);
        if (SettingsChange.OktaConnection.blank(okta.certificatePem())) {
            v.add("okta_certificate", "okta_certificate is required with the other Okta fields");
        } else {
            try {
                java.security.cert.X509Certificate certificate = PemCertificate.parse(okta.certificatePem());
                // An expired certificate is the wrong file: Okta signs with its current one.
                v.require(certificate.getNotAfter().toInstant().isAfter(java.time.Instant.now()), "okta_certificate",
                        "okta_certificate expired on " + certificate.getNotAfter().toInstant().toString().substring(0, 10)
                                + "; download Okta's current certificate");
            } catch (IllegalArgumentException e) {
                v.add("okta_certificate", "okta_certificate: " + e.getMessage());
            }
        }
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
