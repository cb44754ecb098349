package dev.portcullis.audit;

import static dev.portcullis.user.SecurityRoles.ADMIN;
import static dev.portcullis.user.SecurityRoles.MAINTAINER;
import static dev.portcullis.user.SecurityRoles.OBSERVER;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the sign-in decisions for the administrator and drops those past their retention. */
@Stateless
@PermitAll
public class SignInLog {

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    /** Filters (null: any) and a zero-based page. */
    public record Query(Long hostId, SignInOutcome outcome, Instant after, Instant before, int page, int perPage) {
        public Query {
            if (page < 0 || perPage < 1) {
                throw new IllegalArgumentException("page must be 0 or more and perPage 1 or more");
            }
        }
    }

    /** A policy a sign-in failed on; the name is null when the policy was deleted since. */
    public record PolicyRef(long id, String name) {
    }

    public record Entry(SignInRecord record, List<PolicyRef> failingPolicies) {
    }

    public record Page(List<Entry> entries, boolean hasNext) {
    }

    /** Newest first; the page's failing policies are named in one query. */
    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER})
    public Page search(Query q) {
        StringBuilder jpql = new StringBuilder("SELECT r FROM SignInRecord r WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q.hostId() != null) {
            jpql.append(" AND r.hostId = :hostId");
            params.put("hostId", q.hostId());
        }
        if (q.outcome() != null) {
            jpql.append(" AND r.outcome = :outcome");
            params.put("outcome", q.outcome());
        }
        if (q.after() != null) {
            jpql.append(" AND r.createdAt > :after");
            params.put("after", q.after());
        }
        if (q.before() != null) {
            jpql.append(" AND r.createdAt < :before");
            params.put("before", q.before());
        }
        jpql.append(" ORDER BY r.createdAt DESC, r.id DESC");
        TypedQuery<SignInRecord> query = em.createQuery(jpql.toString(), SignInRecord.class);
        params.forEach(query::setParameter);
        List<SignInRecord> rows = query.setFirstResult(Math.multiplyExact(q.page(), q.perPage()))
                .setMaxResults(q.perPage() + 1).getResultList();
        boolean hasNext = rows.size() > q.perPage();
        List<SignInRecord> page = hasNext ? rows.subList(0, q.perPage()) : rows;

        Set<Long> ids = new LinkedHashSet<>();
        page.forEach(r -> ids.addAll(policyIds(r)));
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT p.id, p.name FROM Policy p WHERE p.id IN :ids", Object[].class)
                    .setParameter("ids", new ArrayList<>(ids)).getResultList()
                    .forEach(row -> names.put((Long) row[0], (String) row[1]));
        }
        List<Entry> entries = page.stream().map(r -> new Entry(r,
                policyIds(r).stream().map(id -> new PolicyRef(id, names.get(id))).toList())).toList();
        return new Page(entries, hasNext);
    }

    static List<Long> policyIds(SignInRecord r) {
        if (r.failingPolicyIds() == null || r.failingPolicyIds().isBlank()) {
            return List.of();
        }
        return Arrays.stream(r.failingPolicyIds().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Long::valueOf).toList();
    }

    /**
     * Deletes at most {@code limit} records older than {@code cutoff}, the oldest ids first, in a
     * transaction of its own so each batch holds its locks only briefly. Returns how many went.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int pruneBatch(Instant cutoff, int limit) {
        List<Long> ids = em.createNamedQuery("SignInRecord.idsBefore", Long.class)
                .setParameter("cutoff", cutoff).setMaxResults(limit).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        // The selected ids are the lowest ones before the cutoff, so this id range holds no other old record.
        return em.createNamedQuery("SignInRecord.deleteRange")
                .setParameter("first", ids.get(0)).setParameter("last", ids.get(ids.size() - 1))
                .setParameter("cutoff", cutoff).executeUpdate();
    }
}
