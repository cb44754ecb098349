package dev.portcullis.keys;

/** What a stored key is for; the name is also the row's key and the AES-GCM associated data. */
public enum KeyPurpose {
    SCEP_CA,
    IDP_SIGNING
}
