package dev.portcullis.ca;

/** Where an issued certificate stands at a given moment. */
public enum CertificateStatus {
    VALID,
    NOT_YET_VALID,
    EXPIRED,
    REVOKED
}
