package dev.portcullis.idp;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.time.Instant;

/** Drops remembered AuthnRequest IDs once they are too old to pass the IssueInstant check anyway. */
@Singleton
public class ReplayPruner {

    @EJB
    private ReplayGuard guard;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void prune() {
        guard.prune(Instant.now());
    }
}
