package dev.portcullis.access;

import dev.portcullis.audit.ActivityLog;
import dev.portcullis.audit.ActivityType;
import dev.portcullis.ca.CertificateSerial;
import dev.portcullis.ca.CertificateStatus;
import dev.portcullis.ca.IssuedCertificate;
import dev.portcullis.host.Host;
import dev.portcullis.host.HostService;
import dev.portcullis.policy.GatingPolicies;
import dev.portcullis.policy.Policy;
import dev.portcullis.settings.OktaConnection;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * The conditional-access rules, in one place: given the serial of the certificate a device
 * presented, may it sign in? Every lookup here is by an indexed key, so the cost does not grow
 * with the number of hosts, policies or past certificates.
 */
@Stateless
public class AccessDecisionService {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private GatingPolicies gatingPolicies;

    @EJB
    private HostService hosts;

    @EJB
    private ActivityLog activities;

    public AccessDecision decide(CertificateSerial serial, OktaConnection settings, Instant now) {
        List<IssuedCertificate> found = em.createNamedQuery("IssuedCertificate.bySerial", IssuedCertificate.class)
                .setParameter("serial", serial.hex()).getResultList();
        if (found.isEmpty()) {
            return new AccessDecision.CertificateProblem(null, "the certificate was not issued by this server");
        }
        IssuedCertificate certificate = found.get(0);
        CertificateStatus status = certificate.statusAt(now);
        if (status != CertificateStatus.VALID) {
            return new AccessDecision.CertificateProblem(certificate.hostId(),
                    "the certificate is " + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        Host host = em.find(Host.class, certificate.hostId());
        if (host == null) {
            return new AccessDecision.CertificateProblem(null, "the certificate's host no longer exists");
        }
        List<Policy> failing = gatingPolicies.failingGatingPolicies(host, settings.noTeamConditionalAccessEnabled());
        if (failing.isEmpty()) {
            return new AccessDecision.Allowed(host.id(), false, List.of());
        }
        boolean anyCritical = failing.stream().anyMatch(Policy::critical);
        if (!anyCritical && !settings.bypassDisabled() && consumeBypass(host.id())) {
            activities.record(ActivityType.CONSUMED_CONDITIONAL_ACCESS_BYPASS, null,
                    Json.createObjectBuilder().add("host_id", host.id()).build());
            return new AccessDecision.Allowed(host.id(), true, failing);
        }
        String reason = anyCritical ? "a critical policy is failing"
                : settings.bypassDisabled() ? "policies are failing and bypass is disabled"
                : "policies are failing";
        return new AccessDecision.Blocked(host.id(), hosts.ensureDeviceToken(host), failing, reason);
    }

    /** One conditional UPDATE: of any number of racing sign-ins, exactly one consumes the bypass. */
    private boolean consumeBypass(long hostId) {
        // Plain SQL: EclipseLink writes JPQL boolean values as 0/1 in bulk updates, which H2 2.x refuses.
        return em.createNativeQuery("UPDATE hosts SET bypass_pending = FALSE, version = version + 1"
                        + " WHERE id = ?1 AND bypass_pending = TRUE")
                .setParameter(1, hostId).executeUpdate() == 1;
    }
}
