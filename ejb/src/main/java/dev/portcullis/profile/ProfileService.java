package dev.portcullis.profile;

import static dev.portcullis.user.SecurityRoles.ADMIN;
import static dev.portcullis.user.SecurityRoles.MAINTAINER;

import dev.portcullis.keys.KeyVault;
import dev.portcullis.problem.Refusal;
import dev.portcullis.settings.DeploymentConfig;
import dev.portcullis.settings.OktaConnectionCache;
import dev.portcullis.settings.SettingsService;
import dev.portcullis.team.EnrollSecret;
import dev.portcullis.team.TeamService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** Renders the profiles of this server's configuration; the API and the console show the same bytes. */
@Stateless
@PermitAll
public class ProfileService {

    @EJB
    private KeyVault keys;

    @EJB
    private TeamService teams;

    @EJB
    private SettingsService settings;

    @EJB
    private OktaConnectionCache connection;

    @Inject
    private DeploymentConfig config;

    /**
     * The user-scope profile. Its SCEP challenge is the oldest global enroll secret, as in Fleet;
     * without one the request is refused rather than a secret being created by a read.
     */
    @RolesAllowed({ADMIN, MAINTAINER})
    public byte[] appleUserScopeProfile() {
        String serverUrl = connection.current().serverUrl().orElseThrow(() -> Refusal.conflict(
                "Set the server URL first (PATCH /api/v1/fleet/config server_settings.server_url): "
                        + "the profile's SCEP and SSO URLs are built from it."));
        List<EnrollSecret> secrets = teams.globalSecrets();
        if (secrets.isEmpty()) {
            throw Refusal.conflict("Add a global enroll secret first (console: Settings > Enroll secrets; API: "
                    + "POST /api/v1/fleet/spec/enroll_secret): the profile uses it as the SCEP challenge.");
        }
        return AppleUserScopeProfile.render(new AppleUserScopeProfile.Inputs(serverUrl, config.ssoBaseUrlFor(serverUrl),
                keys.scepCa().certificate(), secrets.get(0).secret(), settings.current().orgName()));
    }
}
