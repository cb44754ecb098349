package dev.portcullis.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedLoginLimiterTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void blocksAfterTheLimitUntilTheWindowEnds() {
        FailedLoginLimiter limiter = new FailedLoginLimiter(5, Duration.ofMinutes(1), 100);
        for (int i = 0; i < 4; i++) {
            limiter.recordFailure("a@x", T0.plusSeconds(i));
        }
        assertFalse(limiter.blockedFor("a@x", T0.plusSeconds(5)).isPresent());
        limiter.recordFailure("a@x", T0.plusSeconds(10));
        assertEquals(51, limiter.blockedFor("a@x", T0.plusSeconds(10)).getAsLong());
        assertFalse(limiter.blockedFor("b@x", T0.plusSeconds(10)).isPresent());
        assertFalse(limiter.blockedFor("a@x", T0.plusSeconds(60)).isPresent());
    }

    @Test
    void aSuccessClearsTheCount() {
        FailedLoginLimiter limiter = new FailedLoginLimiter(2, Duration.ofMinutes(1), 100);
        limiter.recordFailure("a@x", T0);
        limiter.clear("a@x");
        limiter.recordFailure("a@x", T0);
        assertFalse(limiter.blockedFor("a@x", T0).isPresent());
        limiter.recordFailure("a@x", T0);
        assertTrue(limiter.blockedFor("a@x", T0).isPresent());
    }

    @Test
    void staysBoundedUnderAFloodOfKeys() {
        FailedLoginLimiter limiter = new FailedLoginLimiter(5, Duration.ofMinutes(1), 1000);
        for (int i = 0; i < 50_000; i++) {
            limiter.recordFailure("user" + i + "@x", T0.plusMillis(i));
        }
        assertTrue(limiter.size() <= 1000, "size " + limiter.size());
    }
}
