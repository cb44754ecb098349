package dev.portcullis.idp;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Remembers answered AuthnRequest IDs in the database, so a replay is refused on every node.
 * Its own transaction: the ID stays used even when the sign-in that used it is refused later.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReplayGuard {

    @PersistenceContext
    private EntityManager em;

    /** True the first time an ID is seen; a racing duplicate fails on the primary key and throws. */
    public boolean firstUse(String requestId, Instant rememberUntil) {
        if (em.find(SeenAuthnRequest.class, requestId) != null) {
            return false;
        }
        em.persist(new SeenAuthnRequest(requestId, rememberUntil));
        em.flush();
        return true;
    }

    public int prune(Instant now) {
        return em.createNamedQuery("SeenAuthnRequest.prune").setParameter("now", now).executeUpdate();
    }
}
