package dev.portcullis.web.console;

import dev.portcullis.policy.ConditionalAccessAutomation;
import dev.portcullis.policy.PolicyService;
import dev.portcullis.team.TeamService;
import jakarta.ejb.EJB;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Policies: the team selector, the policy list with pass/fail counts, and deleting a policy. */
@Named
@ViewScoped
public class PoliciesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient PolicyService policies;

    @EJB
    private transient TeamService teams;

    @EJB
    private transient ConditionalAccessAutomation automation;

    private String team = PolicyScope.ALL;
    private PolicyScope scope = PolicyScope.parse(null);
    private List<SelectItem> teamChoices = List.of();
    private List<PolicyRow> rows = List.of();
    private List<PolicyRow> inherited = List.of();
    private boolean conditionalAccessOn;

    /** Runs on every GET (the team comes from the URL) and after each change. */
    public void load() {
        scope = PolicyScope.parse(team);
        team = scope.key();
        List<SelectItem> choices = new ArrayList<>();
        choices.add(new SelectItem(PolicyScope.ALL, "All teams"));
        choices.add(new SelectItem(PolicyScope.NO_TEAM, "No team"));
        try {
            for (TeamService.TeamDetail t : teams.list()) {
                choices.add(new SelectItem(String.valueOf(t.team().id()), t.team().name()));
            }
            teamChoices = choices;
            rows = policies.list(scope.teamId()).stream().map(PolicyRow::of).toList();
            inherited = scope.isTeam() ? policies.list(null).stream().map(PolicyRow::of).toList() : List.of();
            conditionalAccessOn = scope.hasConditionalAccess() && automation.view(scope.teamId()).enabled();
        } catch (RuntimeException e) {
            teamChoices = choices;
            rows = List.of();
            inherited = List.of();
            Feedback.failed(e);
        }
    }

    public void delete(PolicyRow row) {
        try {
            policies.delete(scope.teamId(), List.of(row.id()), CurrentUser.actorEmail());
            Feedback.done("Deleted the policy " + row.name() + ".");
        } catch (RuntimeException e) {
            Feedback.failed(e);
        }
        load();
    }

    public String getTeamLabel() {
        return teamChoices.stream().filter(c -> c.getValue().equals(team)).map(SelectItem::getLabel).findFirst().orElse("All teams");
    }

    public boolean isConditionalAccessOn() { return conditionalAccessOn; }
    public String getTeam() { return team; }
    public void setTeam(String team) { this.team = team; }
    public PolicyScope getScope() { return scope; }
    public List<SelectItem> getTeamChoices() { return teamChoices; }
    public List<PolicyRow> getRows() { return rows; }
    public List<PolicyRow> getInherited() { return inherited; }
}
