package dev.portcullis.agent;

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
    void sameTeamWithinTheCooldownKeepsTheKey() {
        assertTrue(AgentService.keepsNodeKey(host(7L), 7L, ENROLLED.plusSeconds(9), COOLDOWN));
        assertTrue(AgentService.keepsNodeKey(host(null), null, ENROLLED.plusSeconds(1), COOLDOWN), "no team is a team");
    }

    @Test
    void afterTheCooldownAHostGetsANewKey() {
        assertFalse(AgentService.keepsNodeKey(host(7L), 7L, ENROLLED.plusSeconds(10), COOLDOWN));
    }

    @Test
    void anotherTeamsSecretAlwaysEnrollsAfresh() {
        assertFalse(AgentService.keepsNodeKey(host(7L), 8L, ENROLLED.plusSeconds(1), COOLDOWN));
        assertFalse(AgentService.keepsNodeKey(host(7L), null, ENROLLED.plusSeconds(1), COOLDOWN));
    }

    @Test
    void zeroTurnsTheCooldownOff() {
        assertFalse(AgentService.keepsNodeKey(host(7L), 7L, ENROLLED.plusSeconds(1), Duration.ZERO));
    }

    @Test
    void aHostNeverEnrolledHasNoKeyToKeep() {
        assertFalse(AgentService.keepsNodeKey(new Host("UUID-2", ENROLLED), null, ENROLLED, COOLDOWN));
    }
}
