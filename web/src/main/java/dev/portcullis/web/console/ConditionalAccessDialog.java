package dev.portcullis.web.console;

import dev.portcullis.policy.ConditionalAccessAutomation;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.primefaces.PrimeFaces;

/** Manage automations > Conditional access: the team's switch and the policies that block sign-in. */
@Named
@ViewScoped
public class ConditionalAccessDialog implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient ConditionalAccessAutomation automation;

    @Inject
    private PoliciesPage page;

    private boolean enabled;
    private boolean oktaConnected;
    private List<PolicyRow> policies = List.of();
    private List<Long> gating = new ArrayList<>();

    public void open() {
        try {
            show(automation.view(page.getScope().teamId()));
        } catch (RuntimeException e) {
            Feedback.failed(e);
        }
    }

    public void save() {
        try {
            HashSet<Long> ids = new HashSet<>(gating);
            show(automation.save(page.getScope().teamId(), enabled, ids, CurrentUser.actorEmail()));
            Feedback.done(enabled ? "Conditional access is on for " + page.getTeamLabel() + ": "
                    + ids.size() + (ids.size() == 1 ? " policy blocks" : " policies block") + " sign-in when failing."
                    : "Conditional access is off for " + page.getTeamLabel() + ".");
            PrimeFaces.current().executeScript("PF('conditionalAccessDialog').hide()");
            page.load();
        } catch (RuntimeException e) {
            Feedback.failed(e);
        }
    }

    private void show(ConditionalAccessAutomation.State state) {
        enabled = state.enabled();
        oktaConnected = state.oktaConnected();
        policies = state.policies().stream().map(PolicyRow::of).toList();
        gating = new ArrayList<>(policies.stream().filter(PolicyRow::gating).map(PolicyRow::id).toList());
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public boolean isOktaConnected() { return oktaConnected; }
    public List<PolicyRow> getPolicies() { return policies; }
    public List<Long> getGating() { return gating; }
    public void setGating(List<Long> gating) { this.gating = gating; }
}
