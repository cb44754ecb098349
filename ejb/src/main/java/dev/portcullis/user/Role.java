package dev.portcullis.user;

/** Fleet's roles; the JSON form is the lower-case name. */
public enum Role {
    ADMIN,
    MAINTAINER,
    OBSERVER;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
