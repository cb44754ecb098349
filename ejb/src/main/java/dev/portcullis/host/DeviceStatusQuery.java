package dev.portcullis.host;

import dev.portcullis.policy.GatingPolicies;
import dev.portcullis.policy.HostPolicy;
import dev.portcullis.policy.PolicyService;
import dev.portcullis.settings.SettingsService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;

/** Reads a device's state for its My device page, by device token. */
@Stateless
public class DeviceStatusQuery {

    @EJB
    private DeviceService devices;

    @EJB
    private PolicyService policies;

    @EJB
    private GatingPolicies gating;

    @EJB
    private SettingsService settings;

    public DeviceStatus status(String token) {
        Host host = devices.host(token);
        boolean gated = gating.enabledFor(host);
        List<HostPolicy> onHost = policies.onHost(host);
        List<DeviceStatus.PolicyLine> lines = onHost.stream().map(hp -> {
            boolean gates = GatingPolicies.gates(hp.policy(), host.teamId(), gated);
            return new DeviceStatus.PolicyLine(hp.policy().id(), hp.policy().name(), hp.policy().description(),
                    hp.policy().resolution(), hp.response(), gates, hp.policy().critical(), gates && hp.failing());
        }).toList();
        boolean bypassDisabled = settings.current().bypassDisabled();
        boolean criticalFailing = lines.stream().anyMatch(l -> l.actionRequired() && l.critical());
        String unavailable = bypassDisabled ? "Your administrator has turned off \"Resolve later\"."
                : criticalFailing ? "A critical policy is failing: it must be fixed before you can sign in."
                : null;
        String name = host.hostname() != null ? host.hostname() : "Device " + host.hardwareUuid();
        return new DeviceStatus(name, host.osVersion(), lines, host.bypassPending(), unavailable == null, unavailable,
                host.refetchRequested(), host.policyUpdatedAt());
    }
}
