package dev.portcullis.user;

import dev.portcullis.problem.Refusal;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Rate limit for failed logins, in memory: 5 failures a minute per email, 20 per client address
 * (many users can share an address behind a NAT). A success clears the email's count.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LoginThrottle {

    static final int MAX_FAILURES_PER_EMAIL = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_KEYS = 10_000;

    private final FailedLoginLimiter byEmail = new FailedLoginLimiter(MAX_FAILURES_PER_EMAIL, WINDOW, MAX_KEYS);
    private final FailedLoginLimiter byAddress = new FailedLoginLimiter(MAX_FAILURES_PER_ADDRESS, WINDOW, MAX_KEYS);

    /** Refuses with 429 when either the email or the address has used up its failures. */
    public void check(String email, String address) {
        Instant now = Instant.now();
        OptionalLong wait = byEmail.blockedFor(emailKey(email), now);
        if (wait.isEmpty() && address != null) {
            wait = byAddress.blockedFor(address, now);
        }
        if (wait.isPresent()) {
            throw Refusal.rateLimited("Too many failed login attempts; try again later", wait.getAsLong());
        }
    }

    public void failed(String email, String address) {
        Instant now = Instant.now();
        byEmail.recordFailure(emailKey(email), now);
        if (address != null) {
            byAddress.recordFailure(address, now);
        }
    }

    public void succeeded(String email) {
        byEmail.clear(emailKey(email));
    }

    private static String emailKey(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        return e.length() > 320 ? e.substring(0, 320) : e;
    }
}
