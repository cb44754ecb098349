package dev.portcullis.web.api;

import jakarta.ws.rs.BadRequestException;

/** Guards against a missing JSON body before any service is called. */
final class Bodies {

    private Bodies() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new BadRequestException("Request body must be a JSON object");
        }
        return body;
    }
}
