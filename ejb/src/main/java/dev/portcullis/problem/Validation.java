package dev.portcullis.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors so a request learns every problem at once, not one per round trip. */
public final class Validation {

    private final List<Refusal.FieldError> errors = new ArrayList<>();

    public Validation require(boolean condition, String field, String reason) {
        if (!condition) {
            errors.add(new Refusal.FieldError(field, reason));
        }
        return this;
    }

    public Validation requireText(String value, String field) {
        return require(value != null && !value.isBlank(), field, field + " must not be empty");
    }

    /** A value that must fit its column; null passes (absent fields are checked elsewhere). */
    public Validation maxLength(String value, int max, String field) {
        return require(value == null || value.length() <= max, field, field + " must be at most " + max + " characters");
    }

    public void add(String field, String reason) {
        errors.add(new Refusal.FieldError(field, reason));
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Throws a 422-kind refusal naming every collected field, if any. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "Validation Failed", errors);
        }
    }
}
