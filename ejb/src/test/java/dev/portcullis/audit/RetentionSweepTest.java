package dev.portcullis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetentionSweepTest {

    /** A table of old rows that a batch deletes from, at most {@code limit} at a time. */
    static final class OldRows {
        int remaining;
        final List<Integer> batches = new ArrayList<>();

        OldRows(int remaining) {
            this.remaining = remaining;
        }

        int deleteAtMost(int limit) {
            int n = Math.min(limit, remaining);
            remaining -= n;
            batches.add(n);
            return n;
        }
    }

    @Test
    void deletesInBatchesUntilABatchComesBackShort() {
        OldRows rows = new OldRows(1234);
        assertEquals(1234, RetentionSweep.run(() -> rows.deleteAtMost(500), 500, 100));
        assertEquals(List.of(500, 500, 234), rows.batches);
        assertEquals(0, rows.remaining);
    }

    @Test
    void stopsAfterOneEmptyBatchWhenNothingIsOld() {
        OldRows rows = new OldRows(0);
        assertEquals(0, RetentionSweep.run(() -> rows.deleteAtMost(500), 500, 100));
        assertEquals(List.of(0), rows.batches);
    }

    @Test
    void leavesABigBacklogToTheNextRun() {
        OldRows rows = new OldRows(10_000);
        AtomicInteger calls = new AtomicInteger();
        long deleted = RetentionSweep.run(() -> {
            calls.incrementAndGet();
            return rows.deleteAtMost(500);
        }, 500, 3);
        assertEquals(1500, deleted);
        assertEquals(3, calls.get());
        assertEquals(8500, rows.remaining);
    }

    @Test
    void cutoffIsRetentionBeforeNowAndZeroKeepsForever() {
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        assertEquals(Instant.parse("2025-12-01T00:00:00Z"), RetentionSweep.cutoff(now, Duration.ofDays(90)).orElseThrow());
        assertTrue(RetentionSweep.cutoff(now, Duration.ZERO).isEmpty());
    }

    @Test
    void failingPolicyIdsAreReadBackInOrder() {
        SignInRecord r = new SignInRecord(1L, "a@example.com", SignInOutcome.BLOCKED, "12, 3,40", "x", Instant.now());
        assertEquals(List.of(12L, 3L, 40L), SignInLog.policyIds(r));
        assertEquals(List.of(), SignInLog.policyIds(new SignInRecord(null, null, SignInOutcome.REQUEST_ERROR, null,
                "bad", Instant.now())));
    }
}
