package dev.portcullis.audit;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Writes and lists activities; a write joins the caller's transaction so it commits with the change. */
@Stateless
public class ActivityLog {

    @PersistenceContext
    private EntityManager em;

    public void record(ActivityType type, String actorEmail, String detailsJson) {
        em.persist(new Activity(type, actorEmail, detailsJson, Instant.now()));
    }

    public List<Activity> latest(int offset, int limit) {
        return em.createNamedQuery("Activity.latest", Activity.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }
}
