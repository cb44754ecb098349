package dev.portcullis.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DistributedScheduleTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void resultsNeverReportedAreDueAtOnce() {
        assertTrue(AgentService.due(null, HOUR, false, NOW));
    }

    @Test
    void freshResultsAreNotDueUntilTheIntervalHasPassed() {
        assertFalse(AgentService.due(NOW.minusSeconds(60), HOUR, false, NOW));
        assertFalse(AgentService.due(NOW.minus(HOUR), HOUR, false, NOW));
        assertTrue(AgentService.due(NOW.minus(HOUR).minusSeconds(1), HOUR, false, NOW));
    }

    @Test
    void aRefetchMakesFreshResultsDue() {
        assertTrue(AgentService.due(NOW.minusSeconds(60), HOUR, true, NOW));
    }

    @Test
    void policyResultsAnswerARefetch() {
        assertTrue(AgentService.answersRefetch(true, false, true));
        assertTrue(AgentService.answersRefetch(true, true, true));
    }

    @Test
    void detailsAloneAnswerARefetchOnlyForAHostWithoutPolicies() {
        assertFalse(AgentService.answersRefetch(false, true, true), "its policies would stay stale");
        assertTrue(AgentService.answersRefetch(false, true, false));
        assertFalse(AgentService.answersRefetch(false, false, false), "nothing fresh came");
    }
}
