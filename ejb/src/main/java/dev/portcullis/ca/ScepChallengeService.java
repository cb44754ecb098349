package dev.portcullis.ca;

import static dev.portcullis.user.SecurityRoles.ADMIN;
import static dev.portcullis.user.SecurityRoles.MAINTAINER;

import dev.portcullis.audit.ActivityLog;
import dev.portcullis.audit.ActivityType;
import dev.portcullis.problem.Refusal;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Single-use SCEP challenges for MDMs that put a per-host value in the profile. */
@Stateless
@PermitAll
public class ScepChallengeService {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final Duration MAX_TTL = Duration.ofDays(30);

    @PersistenceContext
    private EntityManager em;

    @EJB
    private ActivityLog activities;

    public record MintedChallenge(String challenge, Instant expiresAt) {
        @Override
        public String toString() {
            return "MintedChallenge[expiresAt=" + expiresAt + "]";
        }
    }

    /** Returns the challenge once; afterwards only its digest exists. */
    @RolesAllowed({ADMIN, MAINTAINER})
    public MintedChallenge mint(Duration ttl, String actorEmail) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw Refusal.invalid("ttl_seconds", "must be between 1 second and 30 days");
        }
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = Instant.now();
        em.persist(new ScepChallenge(ChallengeDigest.of(challenge), now, now.plus(ttl)));
        activities.record(ActivityType.CREATED_SCEP_CHALLENGE, actorEmail,
                Json.createObjectBuilder().add("expires_at", now.plus(ttl).toString()).build());
        return new MintedChallenge(challenge, now.plus(ttl));
    }

    /** A minted challenge as the administrator may see it later: never the value, only its digest's start. */
    public record ChallengeSummary(String id, Instant createdAt, Instant expiresAt, Instant usedAt) {

        static ChallengeSummary of(ScepChallenge c) {
            return new ChallengeSummary(c.digest().substring(0, 8), c.createdAt(), c.expiresAt(), c.usedAt());
        }
    }

    /** Every minted challenge, newest first, at most {@code limit}. */
    @RolesAllowed({ADMIN, MAINTAINER})
    public List<ChallengeSummary> list(int limit) {
        return em.createNamedQuery("ScepChallenge.all", ScepChallenge.class).setMaxResults(limit)
                .getResultStream().map(ChallengeSummary::of).toList();
    }

    /** Marks the challenge used, atomically: of two racing requests only one gets true. */
    public boolean consume(String challenge, Instant now) {
        return em.createNamedQuery("ScepChallenge.consume")
                .setParameter("digest", ChallengeDigest.of(challenge))
                .setParameter("now", now)
                .executeUpdate() == 1;
    }
}
