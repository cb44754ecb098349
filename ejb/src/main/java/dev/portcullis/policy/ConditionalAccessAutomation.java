package dev.portcullis.policy;

import static dev.portcullis.user.SecurityRoles.ADMIN;
import static dev.portcullis.user.SecurityRoles.MAINTAINER;
import static dev.portcullis.user.SecurityRoles.OBSERVER;
import static dev.portcullis.user.SecurityRoles.TEAM_MAINTAINER;
import static dev.portcullis.user.SecurityRoles.TEAM_OBSERVER;

import dev.portcullis.settings.SettingsChange;
import dev.portcullis.settings.SettingsService;
import dev.portcullis.team.TeamService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.Set;

/**
 * Policies > Manage automations > Conditional access: for one team (null: hosts with no team,
 * whose policies are the global ones) whether conditional access is on and which of the team's
 * policies block sign-in, read and saved as one change. Turning the switch needs an administrator
 * (as the team and settings APIs do); choosing policies needs the right to edit them.
 */
@Stateless
@PermitAll
public class ConditionalAccessAutomation {

    @EJB
    private PolicyService policies;

    @EJB
    private TeamService teams;

    @EJB
    private SettingsService settings;

    /** The automation as the dialog shows it. */
    public record State(boolean enabled, boolean oktaConnected, List<PolicyService.PolicyStats> policies) {
    }

    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER, TEAM_MAINTAINER, TEAM_OBSERVER})
    public State view(Long teamId) {
        boolean enabled = teamId == null ? settings.view().noTeamConditionalAccessEnabled()
                : teams.get(teamId).team().conditionalAccessEnabled();
        return new State(enabled, settings.view().oktaConnected(), policies.list(teamId));
    }

    /** Sets the switch and makes exactly {@code gatingPolicyIds} (of this team's policies) block sign-in; all or nothing. */
    @RolesAllowed({ADMIN, MAINTAINER, TEAM_MAINTAINER})
    public State save(Long teamId, boolean enabled, Set<Long> gatingPolicyIds, String actorEmail) {
        State before = view(teamId);
        if (before.enabled() != enabled) {
            if (teamId == null) {
                settings.update(new SettingsChange(null, null, null, null, enabled), actorEmail);
            } else {
                teams.update(teamId, new TeamService.TeamChange(null, null, enabled), actorEmail);
            }
        }
        for (PolicyService.PolicyStats stats : before.policies()) {
            Policy policy = stats.policy();
            boolean gating = gatingPolicyIds.contains(policy.id());
            if (policy.conditionalAccessEnabled() != gating) {
                policies.update(teamId, policy.id(), new PolicyDraft(null, null, null, null, null, null, gating), actorEmail);
            }
        }
        return view(teamId);
    }
}
