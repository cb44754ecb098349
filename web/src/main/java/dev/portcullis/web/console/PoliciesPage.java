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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    private String missingTeamNote;

    /**
     * Runs on every GET (the team comes from the URL) and after each change. A team that does not
     * exist (or that the user cannot see) falls back to all teams, with a note saying so, rather
     * than a page that offers what would fail for that team.
     */
    public void load() {
        String asked = team == null ? "" : team.strip();
        scope = PolicyScope.parse(asked);
        team = scope.key();
        missingTeamNote = null;
        List<SelectItem> choices = new ArrayList<>();
        choices.add(new SelectItem(PolicyScope.ALL, "All teams"));
        choices.add(new SelectItem(PolicyScope.NO_TEAM, "No team"));
        try {
            Set<Long> teamIds = new HashSet<>();
            for (TeamService.TeamDetail t : teams.list()) {
                teamIds.add(t.team().id());
                choices.add(new SelectItem(String.valueOf(t.team().id()), t.team().name()));
            }
            teamChoices = choices;
            if (scope.isTeam() ? !teamIds.contains(scope.teamId()) : !asked.isEmpty() && !asked.equals(scope.key())) {
                missingTeamNote = ConsoleWords.teamNotFound(asked, "all teams");
                scope = PolicyScope.parse(PolicyScope.ALL);
                team = scope.key();
            }
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

    /** Says that the team asked for in the URL was not found and all teams are shown; null otherwise. */
    public String getMissingTeamNote() { return missingTeamNote; }
    public boolean isConditionalAccessOn() { return conditionalAccessOn; }
    public String getTeam() { return team; }
    public void setTeam(String team) { this.team = team; }
    public PolicyScope getScope() { return scope; }
    public List<SelectItem> getTeamChoices() { return teamChoices; }
    public List<PolicyRow> getRows() { return rows; }
    public List<PolicyRow> getInherited() { return inherited; }
}
