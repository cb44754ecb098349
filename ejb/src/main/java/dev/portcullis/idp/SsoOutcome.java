package dev.portcullis.idp;

import java.util.List;

/** What the SSO endpoint sends back to the browser. */
public sealed interface SsoOutcome {

    /** Allowed: an auto-submitting form posting the signed Response to Okta's ACS URL. */
    record PostToAcs(String acsUrl, String samlResponseBase64, String relayState) implements SsoOutcome {
    }

    /** Blocked: send the user to the device's My device page. */
    record RedirectToDevice(String url, List<String> failingPolicyNames) implements SsoOutcome {
    }

    record CertificateError(String reason) implements SsoOutcome {
    }

    record RequestError(String reason) implements SsoOutcome {
    }

    record NotConfigured(String reason) implements SsoOutcome {
    }
}
