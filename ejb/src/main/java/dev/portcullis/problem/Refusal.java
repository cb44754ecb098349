package dev.portcullis.problem;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A use case refused its input or its caller. Thrown from services, it rolls the transaction
 * back and reaches the caller unwrapped; the web layer turns its kind into a status code.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request was refused; each maps to one HTTP status. */
    public enum Kind {
        BAD_REQUEST,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT,
        INVALID,
        /** Too many attempts; {@link #retryAfterSeconds()} says when to try again. */
        RATE_LIMITED,
        /** An agent presented an unknown node key: osquery must enroll again. */
        NODE_INVALID
    }

    /** One offending field (or "base" for the request as a whole) and why. */
    public record FieldError(String name, String reason) {
    }

    private final Kind kind;
    private final List<FieldError> errors;
    private final long retryAfterSeconds;

    public Refusal(Kind kind, String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = 0;
    }

    private Refusal(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.kind = Kind.RATE_LIMITED;
        this.errors = List.of(new FieldError("base", message));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Refusal(Kind kind, String message) {
        this(kind, message, List.of(new FieldError("base", message)));
    }

    public static Refusal invalid(String field, String reason) {
        return new Refusal(Kind.INVALID, "Validation Failed", List.of(new FieldError(field, reason)));
    }

    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, what + " was not found");
    }

    public static Refusal conflict(String message) {
        return new Refusal(Kind.CONFLICT, message);
    }

    public static Refusal badRequest(String message) {
        return new Refusal(Kind.BAD_REQUEST, message);
    }

    public static Refusal unauthenticated(String message) {
        return new Refusal(Kind.UNAUTHENTICATED, message);
    }

    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, message);
    }

    public static Refusal rateLimited(String message, long retryAfterSeconds) {
        return new Refusal(message, Math.max(1, retryAfterSeconds));
    }

    public static Refusal nodeInvalid(String message) {
        return new Refusal(Kind.NODE_INVALID, message);
    }

    public Kind kind() { return kind; }
    public List<FieldError> errors() { return errors; }
    public long retryAfterSeconds() { return retryAfterSeconds; }
}
