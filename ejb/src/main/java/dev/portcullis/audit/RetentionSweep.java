package dev.portcullis.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * How a retention run proceeds: small batches, each in its own transaction, until a batch comes
 * back short or the run has done its share; the next run continues where this one stopped.
 */
public final class RetentionSweep {

    private RetentionSweep() {
    }

    /** The instant before which records go; empty when retention is zero (keep forever). */
    public static Optional<Instant> cutoff(Instant now, Duration retention) {
        return retention.isZero() ? Optional.empty() : Optional.of(now.minus(retention));
    }

    /** Runs {@code batch} (which deletes at most {@code batchSize}) until it deletes fewer; returns the total. */
    public static long run(IntSupplier batch, int batchSize, int maxBatches) {
        long total = 0;
        for (int i = 0; i < maxBatches; i++) {
            int deleted = batch.getAsInt();
            total += deleted;
            if (deleted < batchSize) {
                break;
            }
        }
        return total;
    }
}
