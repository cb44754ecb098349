package dev.portcullis.audit;

import dev.portcullis.settings.DeploymentConfig;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Drops sign-in records older than the configured retention, hourly, in batches of committed
 * transactions: sign-ins keep inserting meanwhile, and a backlog is worked off over several runs.
 */
@Singleton
public class SignInPruner {

    private static final Logger LOG = Logger.getLogger(SignInPruner.class.getName());
    static final int BATCH_SIZE = 500;
    static final int MAX_BATCHES_PER_RUN = 200;

    @EJB
    private SignInLog log;

    @Inject
    private DeploymentConfig config;

    @Schedule(minute = "23", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void prune() {
        RetentionSweep.cutoff(Instant.now(), config.signInRetention()).ifPresent(cutoff -> {
            long deleted = RetentionSweep.run(() -> log.pruneBatch(cutoff, BATCH_SIZE), BATCH_SIZE, MAX_BATCHES_PER_RUN);
            if (deleted > 0) {
                LOG.info("Removed " + deleted + " sign-in records older than " + cutoff);
            }
        });
    }
}
