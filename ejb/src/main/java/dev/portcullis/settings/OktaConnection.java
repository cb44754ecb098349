package dev.portcullis.settings;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * An immutable snapshot of what the sign-in path needs from the settings, with the Okta
 * certificate already parsed. Replaced whenever the settings row changes.
 */
public record OktaConnection(
        long settingsVersion,
        Optional<String> serverUrl,
        String audienceUri,
        String assertionConsumerServiceUrl,
        Optional<X509Certificate> oktaCertificate,
        boolean bypassDisabled,
        boolean noTeamConditionalAccessEnabled) {

    public boolean connected() {
        return audienceUri != null && assertionConsumerServiceUrl != null;
    }
}
