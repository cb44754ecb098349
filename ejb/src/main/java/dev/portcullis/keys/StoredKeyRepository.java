package dev.portcullis.keys;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Reads and first-time writes of stored keys, each in its own transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StoredKeyRepository {

    @PersistenceContext
    private EntityManager em;

    public Optional<StoredKey> find(KeyPurpose purpose) {
        return Optional.ofNullable(em.find(StoredKey.class, purpose.name()));
    }

    /** Fails on the primary key when another node stored this purpose first. */
    public void insert(StoredKey key) {
        em.persist(key);
        em.flush();
    }
}
