package dev.portcullis.ca;

import dev.portcullis.audit.ActivityLog;
import dev.portcullis.audit.ActivityType;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Revokes a host's certificates, so a deleted host can never sign in with one again. */
@Stateless
public class CertificateRevocation {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private ActivityLog activities;

    public int revokeAllForHost(long hostId) {
        int revoked = em.createNamedQuery("IssuedCertificate.revokeAllForHost")
                .setParameter("now", Instant.now()).setParameter("hostId", hostId).executeUpdate();
        if (revoked > 0) {
            activities.record(ActivityType.REVOKED_CERTIFICATE, null,
                    Json.createObjectBuilder().add("host_id", hostId).add("count", revoked).build());
        }
        return revoked;
    }
}
