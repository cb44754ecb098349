package dev.portcullis.ca;

/** How a certificate serial is written: nginx forwards hex, Caddy forwards decimal. */
public enum SerialFormat {
    HEX,
    DECIMAL
}
