package dev.portcullis.audit;

import static dev.portcullis.user.SecurityRoles.ADMIN;
import static dev.portcullis.user.SecurityRoles.MAINTAINER;
import static dev.portcullis.user.SecurityRoles.OBSERVER;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import dev.portcullis.problem.Refusal;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Writes the activity feed. Joins the caller's transaction: a change that rolls back leaves no trace. */
@Stateless
@PermitAll
public class ActivityLog {

    // The columns a client may sort by, as Fleet names them.
    private static final Map<String, String> ORDER_KEYS = Map.of("id", "a.id", "created_at", "a.createdAt", "type", "a.type");

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    /** An activity with its actor's account, when the actor is a user that still exists. */
    public record Entry(Activity activity, Long actorId, String actorFullName) {
    }

    public record Page(List<Entry> entries, boolean hasNext, boolean hasPrevious) {
    }

    public void record(ActivityType type, String actorEmail, JsonObject details) {
        em.persist(new Activity(type, actorEmail, details == null ? null : details.toString(), Instant.now()));
    }

    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER})
    public List<Activity> latest(int limit) {
        return em.createNamedQuery("Activity.latest", Activity.class).setMaxResults(limit).getResultList();
    }

    /** One zero-based page, ordered by {@code orderKey} (id, created_at or type), ties broken by id. */
    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER})
    public Page page(int page, int perPage, String orderKey, boolean descending) {
        return page(page, perPage, orderKey, descending, null);
    }

    /** The same, only activities of {@code type} (null: every type). */
    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER})
    public Page page(int page, int perPage, String orderKey, boolean descending, ActivityType type) {
        String column = ORDER_KEYS.get(orderKey);
        if (column == null) {
            throw Refusal.invalid("order_key", "order_key must be one of id, created_at, type");
        }
        if (page < 0 || perPage < 1) {
            throw Refusal.invalid("page", "page must be 0 or more and per_page 1 or more");
        }
        String direction = descending ? " DESC" : " ASC";
        TypedQuery<Activity> query = em.createQuery("SELECT a FROM Activity a"
                + (type == null ? "" : " WHERE a.type = :type") + " ORDER BY " + column + direction
                + (column.equals("a.id") ? "" : ", a.id" + direction), Activity.class);
        if (type != null) {
            query.setParameter("type", type);
        }
        List<Activity> rows = query.setFirstResult(Math.multiplyExact(page, perPage)).setMaxResults(perPage + 1).getResultList();
        boolean hasNext = rows.size() > perPage;
        List<Activity> shown = hasNext ? rows.subList(0, perPage) : rows;

        List<String> emails = shown.stream().map(Activity::actorEmail).filter(Objects::nonNull).distinct().toList();
        Map<String, Object[]> actors = new HashMap<>();
        if (!emails.isEmpty()) {
            em.createQuery("SELECT u.email, u.id, u.name FROM User u WHERE u.email IN :emails", Object[].class)
                    .setParameter("emails", emails).getResultList().forEach(row -> actors.put((String) row[0], row));
        }
        List<Entry> entries = shown.stream().map(a -> {
            Object[] actor = a.actorEmail() == null ? null : actors.get(a.actorEmail());
            return new Entry(a, actor == null ? null : (Long) actor[1], actor == null ? null : (String) actor[2]);
        }).toList();
        return new Page(entries, hasNext, page > 0);
    }

    /** How many activities of {@code type} there are (null: all). */
    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER})
    public long count(ActivityType type) {
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(a) FROM Activity a"
                + (type == null ? "" : " WHERE a.type = :type"), Long.class);
        if (type != null) {
            query.setParameter("type", type);
        }
        return query.getSingleResult();
    }
}
