package dev.portcullis.web.api;

import jakarta.ws.rs.core.SecurityContext;

/** The email of the administrator making a request, for the activity log. */
final class Actor {

    private Actor() {
    }

    static String of(SecurityContext security) {
        return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    }
}
