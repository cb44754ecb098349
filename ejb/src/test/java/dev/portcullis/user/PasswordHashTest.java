package dev.portcullis.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void matchesOnlyTheHashedPassword() {
        String hash = PasswordHash.hash("Correct-horse-9");
        assertTrue(PasswordHash.matches("Correct-horse-9", hash));
        assertFalse(PasswordHash.matches("Correct-horse-8", hash));
        assertFalse(PasswordHash.matches("", hash));
    }

    @Test
    void namesAlgorithmAndIterationsAndSaltsEachHash() {
        String one = PasswordHash.hash("Correct-horse-9");
        assertTrue(one.startsWith("pbkdf2-sha256$210000$"), one);
        assertNotEquals(one, PasswordHash.hash("Correct-horse-9"));
    }

    @Test
    void refusesMalformedHashes() {
        assertFalse(PasswordHash.matches("x", "plain"));
        assertFalse(PasswordHash.matches("x", "pbkdf2-sha256$abc$$"));
        assertFalse(PasswordHash.matches("x", null));
    }
}
