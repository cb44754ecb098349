package dev.portcullis.user;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordRuleTest {

    @Test
    void needsTwelveCharactersANumberAndASymbol() {
        assertTrue(PasswordRule.problemWith("Correct-horse-9").isEmpty());
        assertTrue(PasswordRule.problemWith("Short-9").isPresent());
        assertTrue(PasswordRule.problemWith("Correct-horse-nine").isPresent());
        assertTrue(PasswordRule.problemWith("Correcthorse99").isPresent());
        assertTrue(PasswordRule.problemWith(null).isPresent());
    }
}
