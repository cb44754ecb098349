package dev.portcullis.web;

import dev.portcullis.problem.Refusal;
import java.util.List;

/** Fleet's error shape: a message and the fields at fault ("base" for the request as a whole). */
public record ErrorBody(String message, List<FieldError> errors) {

    public record FieldError(String name, String reason) {
    }

    public static ErrorBody of(String message) {
        return new ErrorBody(message, List.of(new FieldError("base", message)));
    }

    public static ErrorBody of(Refusal refusal) {
        return new ErrorBody(refusal.getMessage(),
                refusal.errors().stream().map(e -> new FieldError(e.name(), e.reason())).toList());
    }
}
