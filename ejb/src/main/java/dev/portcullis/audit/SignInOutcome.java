package dev.portcullis.audit;

/** How one sign-in attempt ended. */
public enum SignInOutcome {
    ALLOWED,
    ALLOWED_BY_BYPASS,
    BLOCKED,
    CERTIFICATE_ERROR,
    REQUEST_ERROR
}
