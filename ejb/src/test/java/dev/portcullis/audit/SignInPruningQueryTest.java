package dev.portcullis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The retention queries against a real H2 database: old records go in batches, recent ones stay. */
class SignInPruningQueryTest {

    static EntityManagerFactory factory;

    @BeforeAll
    static void openDatabase() {
        factory = Persistence.createEntityManagerFactory("sign-in-log-test");
    }

    @AfterAll
    static void closeDatabase() {
        factory.close();
    }

    static SignInLog logOver(EntityManager em) throws ReflectiveOperationException {
        SignInLog log = new SignInLog();
        Field field = SignInLog.class.getDeclaredField("em");
        field.setAccessible(true);
        field.set(log, em);
        return log;
    }

    @Test
    void removesOnlyRecordsOlderThanTheCutoffAtMostABatchAtATime() throws Exception {
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(100));
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        em.createQuery("DELETE FROM SignInRecord r").executeUpdate();
        // Recent records sit between old ones, so an id range of old records also spans recent ones.
        for (boolean isOld : List.of(true, false, true, true, false, true, true)) {
            em.persist(new SignInRecord(1L, "a@example.com", SignInOutcome.ALLOWED, null, "x", isOld ? old : now));
        }
        em.getTransaction().commit();

        SignInLog log = logOver(em);
        Instant cutoff = RetentionSweep.cutoff(now, Duration.ofDays(90)).orElseThrow();
        List<Integer> batches = new java.util.ArrayList<>();
        long deleted = RetentionSweep.run(() -> {
            em.getTransaction().begin();
            int n = log.pruneBatch(cutoff, 2);
            em.getTransaction().commit();
            batches.add(n);
            return n;
        }, 2, 100);

        assertEquals(5, deleted);
        assertEquals(List.of(2, 2, 1), batches);
        List<Instant> left = em.createQuery("SELECT r.createdAt FROM SignInRecord r", Instant.class).getResultList();
        assertEquals(2, left.size());
        left.forEach(t -> assertEquals(now.toEpochMilli(), t.toEpochMilli(), 1));
        em.close();
    }
}
