package dev.portcullis.host;

import dev.portcullis.audit.ActivityLog;
import dev.portcullis.audit.ActivityType;
import dev.portcullis.policy.GatingPolicies;
import dev.portcullis.policy.HostPolicy;
import dev.portcullis.policy.Policy;
import dev.portcullis.policy.PolicyService;
import dev.portcullis.problem.Refusal;
import dev.portcullis.settings.SettingsService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.LockModeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** What the end user does through the device token: see policies, refetch, take a one-time bypass. */
@Stateless
public class DeviceService {

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @EJB
    private HostService hosts;

    @EJB
    private PolicyService policies;

    @EJB
    private GatingPolicies gating;

    @EJB
    private SettingsService settings;

    @EJB
    private ActivityLog activities;

    public Host host(String token) {
        return hosts.byDeviceToken(token).orElseThrow(() -> Refusal.unauthenticated("Invalid device token"));
    }

    /** The token's own host and its policies, in one transaction. */
    public record DeviceView(Host host, List<HostPolicy> policies) {
    }

    public DeviceView view(String token) {
        Host host = host(token);
        return new DeviceView(host, policies.onHost(host));
    }

    public List<HostPolicy> policies(String token) {
        return policies.onHost(host(token));
    }

    public void requestRefetch(String token) {
        host(token).setRefetchRequested(true);
    }

    /**
     * Records a single-use bypass for the host's next sign-in. Refused when the administrator
     * disabled bypass, or when a failing gating policy is critical.
     */
    public void requestBypass(String token) {
        Host host = host(token);
        if (settings.current().bypassDisabled()) {
            throw Refusal.badRequest("Conditional access bypass is disabled by your administrator");
        }
        List<Policy> failing = gating.failingGatingPolicies(host);
        if (failing.stream().anyMatch(Policy::critical)) {
            throw Refusal.badRequest("A critical policy is failing; it must be fixed before signing in");
        }
        em.lock(host, LockModeType.PESSIMISTIC_WRITE);
        host.setBypassPending(true);
        activities.record(ActivityType.ENABLED_CONDITIONAL_ACCESS_BYPASS, null, HostActivity.details(host).build());
    }
}
