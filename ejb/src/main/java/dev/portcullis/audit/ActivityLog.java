package dev.portcullis.audit;

import static dev.portcullis.user.SecurityRoles.ADMIN;
import static dev.portcullis.user.SecurityRoles.MAINTAINER;
import static dev.portcullis.user.SecurityRoles.OBSERVER;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Writes the activity feed. Joins the caller's transaction: a change that rolls back leaves no trace. */
@Stateless
@PermitAll
public class ActivityLog {

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    public void record(ActivityType type, String actorEmail, JsonObject details) {
        em.persist(new Activity(type, actorEmail, details == null ? null : details.toString(), Instant.now()));
    }

    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER})
    public List<Activity> latest(int limit) {
        return em.createNamedQuery("Activity.latest", Activity.class).setMaxResults(limit).getResultList();
    }
}
