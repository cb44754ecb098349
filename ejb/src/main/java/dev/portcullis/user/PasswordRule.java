package dev.portcullis.user;

import java.util.Optional;

/** Fleet's password rule: at least 12 characters, with a number and a symbol. */
public final class PasswordRule {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 48;

    private PasswordRule() {
    }

    /** Why {@code password} is not acceptable, or empty when it is. */
    public static Optional<String> problemWith(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Password may not be empty");
        }
        boolean digit = password.chars().anyMatch(Character::isDigit);
        boolean symbol = password.chars().anyMatch(c -> !Character.isLetterOrDigit(c) && !Character.isWhitespace(c));
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH || !digit || !symbol) {
            return Optional.of("Password must meet the criteria below: 12-48 characters, at least 1 number "
                    + "(e.g. 0 - 9), and at least 1 symbol (e.g. &*#)");
        }
        return Optional.empty();
    }
}
