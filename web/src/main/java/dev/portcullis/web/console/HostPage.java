package dev.portcullis.web.console;

import dev.portcullis.audit.SignInLog;
import dev.portcullis.ca.CertificateSerial;
import dev.portcullis.ca.IssuedCertificate;
import dev.portcullis.ca.SerialFormat;
import dev.portcullis.host.Host;
import dev.portcullis.host.HostService;
import dev.portcullis.policy.GatingPolicies;
import dev.portcullis.policy.HostPolicy;
import dev.portcullis.problem.Refusal;
import dev.portcullis.settings.DeploymentConfig;
import dev.portcullis.team.TeamService;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One host: its policies, certificates and recent sign-ins, and what an administrator can do to it
 * (refetch, transfer, delete, hand out its My device link). The details are read again after each
 * action, and kept out of the view state.
 */
@Named
@ViewScoped
public class HostPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient HostService hosts;
    @EJB
    private transient TeamService teams;
    @EJB
    private transient SignInLog signInLog;
    @Inject
    private transient DeploymentConfig config;
    @Inject
    private CurrentUser currentUser;

    private Long id;
    private boolean missing;
    private String transferTeam;
    private String deviceUrl;
    private final Map<Long, String> teamNames = new LinkedHashMap<>();

    private transient HostService.HostDetail detail;
    private transient HostService.GatingStatus gating;
    private transient List<SignInLog.Entry> signIns;

    public void load() {
        if (id == null) {
            missing = true;
            return;
        }
        try {
            detail = hosts.get(id);
            gating = hosts.gatingStatus(List.of(detail.host())).get(id);
            if (teamNames.isEmpty()) {
                teams.list().forEach(t -> teamNames.put(t.team().id(), t.team().name()));
            }
            signIns = currentUser.isGlobalReader()
                    ? signInLog.search(new SignInLog.Query(id, null, null, null, 0, HostService.RECENT_SIGN_INS)).entries()
                    : List.of();
            transferTeam = detail.host().teamId() == null ? "0" : String.valueOf(detail.host().teamId());
        } catch (Refusal refusal) {
            missing = true;
            detail = null;
        }
    }

    private HostService.HostDetail detail() {
        if (detail == null && !missing) {
            load();
        }
        return detail;
    }

    public void refetch() {
        try {
            hosts.requestRefetch(id);
            Feedback.done("Refetch requested: " + getName() + " runs its policies again when its agent next checks in.");
        } catch (RuntimeException e) {
            Feedback.failed(e);
        }
        load();
    }

    public void transfer() {
        Long target = "0".equals(transferTeam) || transferTeam == null ? null : Long.valueOf(transferTeam);
        try {
            hosts.transfer(target, List.of(id), currentUser.getEmail());
            Feedback.done("Moved " + getName() + " to " + (target == null ? "no team" : teamNames.get(target)) + ".");
        } catch (RuntimeException e) {
            Feedback.failed(e, Map.of("team_id", "transferForm:transferTeam"));
        }
        load();
    }

    public String delete() {
        String name = getName();
        try {
            hosts.delete(id, CurrentUser.actorEmail());
        } catch (RuntimeException e) {
            Feedback.failed(e);
            return null;
        }
        Feedback.done("Deleted " + name + " and revoked its certificates.");
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "hosts?faces-redirect=true";
    }

    public void showDeviceLink() {
        try {
            deviceUrl = hosts.deviceLink(id).url();
        } catch (RuntimeException e) {
            Feedback.failed(e);
        }
    }

    public Host getHost() { return detail() == null ? null : detail.host(); }

    public String getName() {
        Host h = getHost();
        return h == null ? "Host" : h.hostname() == null || h.hostname().isBlank() ? h.hardwareUuid() : h.hostname();
    }

    public String getTeamName() {
        Host h = getHost();
        return h == null || h.teamId() == null ? null : teamNames.get(h.teamId());
    }

    public List<HostPolicy> getPolicies() { return detail() == null ? List.of() : detail.policies(); }
    public List<IssuedCertificate> getCertificates() { return detail() == null ? List.of() : detail.certificates(); }
    public List<SignInLog.Entry> getSignIns() { detail(); return signIns == null ? List.of() : signIns; }
    public HostService.GatingStatus getGating() { detail(); return gating; }

    /** Whether the policy decides this host's sign-ins. */
    public boolean gates(HostPolicy policy) {
        return getGating() != null && GatingPolicies.gates(policy.policy(), getHost().teamId(), gating.conditionalAccessOn());
    }

    /** The serial as the mTLS proxy forwards it, in the format this server is configured to read. */
    public String serial(IssuedCertificate certificate) {
        CertificateSerial serial = CertificateSerial.parse(certificate.serialHex(), SerialFormat.HEX);
        return config.serialFormat() == SerialFormat.DECIMAL ? serial.value().toString()
                : serial.hex().toUpperCase(Locale.ROOT);
    }

    public String serialFormatName() {
        return config.serialFormat() == SerialFormat.DECIMAL ? "decimal" : "hex";
    }

    public String status(IssuedCertificate certificate) {
        return switch (certificate.statusAt(Instant.now())) {
            case VALID -> "Valid";
            case NOT_YET_VALID -> "Not yet valid";
            case EXPIRED -> "Expired";
            case REVOKED -> "Revoked";
        };
    }

    public long getLiveCertificates() {
        return getCertificates().stream().filter(c -> c.revokedAt() == null).count();
    }

    public boolean isWritable() { return getHost() != null && currentUser.mayWrite(getHost().teamId()); }
    public boolean isMissing() { return missing; }
    public Map<Long, String> getTeamNames() { return teamNames; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTransferTeam() { return transferTeam; }
    public void setTransferTeam(String transferTeam) { this.transferTeam = transferTeam; }
    public String getDeviceUrl() { return deviceUrl; }
}
