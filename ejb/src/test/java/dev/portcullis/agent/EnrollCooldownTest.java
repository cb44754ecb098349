package dev.portcullis.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.host.Host;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnrollCooldownTest {

    private static final Instant ENROLLED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration COOLDOWN = Duration.ofSeconds(10);

    private static Host host(Long team) {
        Host host = new Host("UUID-1", ENROLLED);
        host.enrolled("key-1", "uuid-1", team, ENROLLED);
        return host;
    }

    @Test
    void sameTeamWithinTheCooldownIsARetry() {
        assertTrue(AgentService.inCooldown(host(7L), 7L, ENROLLED.plusSeconds(9), COOLDOWN));
        assertTrue(AgentService.inCooldown(host(null), null, ENROLLED.plusSeconds(1), COOLDOWN), "no team is a team");
    }

    @Test
    void afterTheCooldownAHostGetsANewKey() {
        assertFalse(AgentService.inCooldown(host(7L), 7L, ENROLLED.plusSeconds(10), COOLDOWN));
    }

    @Test
    void anotherTeamsSecretAlwaysEnrollsAfresh() {
        assertFalse(AgentService.inCooldown(host(7L), 8L, ENROLLED.plusSeconds(1), COOLDOWN));
        assertFalse(AgentService.inCooldown(host(7L), null, ENROLLED.plusSeconds(1), COOLDOWN));
    }

    @Test
    void zeroTurnsTheCooldownOff() {
        assertFalse(AgentService.inCooldown(host(7L), 7L, ENROLLED.plusSeconds(1), Duration.ZERO));
    }

    @Test
    void aHostNeverEnrolledIsNoRetry() {
        assertFalse(AgentService.inCooldown(new Host("UUID-2", ENROLLED), null, ENROLLED, COOLDOWN));
    }

    @Test
    void agentTextLosesCharactersThatDisguiseIt() {
        assertEquals("evil-mac", AgentService.clean("evil\u202E-\u0000mac\u001b", 255));
        assertEquals("Ré\u00e9sumé", AgentService.clean("R\u2066é\u00e9sumé\u2069", 255), "letters stay");
        assertEquals("abc", AgentService.clean("a\u200Fbcdef", 3), "cleaned, then cut");
        assertEquals(null, AgentService.clean(null, 3));
    }
}
