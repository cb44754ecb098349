package dev.portcullis.settings;

import dev.portcullis.problem.NullOrNotBlank;
import jakarta.validation.constraints.Size;

/**
 * What an administrator asked to change in the app config; null means "leave as is".
 * {@code okta} is null when none of the four Okta fields was sent.
 */
public record SettingsChange(@NullOrNotBlank @Size(max = 255, message = "must be at most {max} characters")
                             String orgName, String serverUrl, OktaConnection okta, Boolean bypassDisabled,
                             Boolean noTeamConditionalAccessEnabled) {

    /** The four Okta fields, set together: all given connects, all empty disconnects. */
    public record OktaConnection(String idpId, String acsUrl, String audienceUri, String certificatePem) {

        boolean allEmpty() {
            return blank(idpId) && blank(acsUrl) && blank(audienceUri) && blank(certificatePem);
        }

        static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
