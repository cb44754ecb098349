package dev.portcullis.web.console;

import dev.portcullis.team.EnrollSecret;
import dev.portcullis.team.TeamService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;

/**
 * The enroll secrets of one team, or the global ones (team null): listed, a new random one added,
 * one removed. Used by the Enroll secrets page and by the Teams page's secrets dialog.
 */
@Named
@ViewScoped
public class EnrollSecretsEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient TeamService teams;

    @Inject
    private CurrentUser currentUser;

    private Long teamId;
    private String teamName;
    private List<String> secrets = List.of();

    /** The global secrets, for the Enroll secrets page. */
    public void openGlobal() {
        teamId = null;
        teamName = null;
        show(() -> teams.globalSecrets());
    }

    public void openTeam(TeamsPage.TeamRow team) {
        teamId = team.id();
        teamName = team.name();
        show(() -> teams.teamSecrets(team.id()));
    }

    public void add() {
        if (show(() -> teams.addRandomSecret(teamId, CurrentUser.actorEmail()))) {
            Feedback.done("Added a new enroll secret" + (teamName == null ? "." : " for " + teamName + "."));
        }
    }

    public void remove(String secret) {
        if (show(() -> teams.removeSecret(teamId, secret, CurrentUser.actorEmail()))) {
            Feedback.done("Deleted the enroll secret. Hosts enrolled with it stay enrolled.");
        }
    }

    private boolean show(Supplier<List<EnrollSecret>> call) {
        try {
            secrets = call.get().stream().map(EnrollSecret::secret).toList();
            return true;
        } catch (RuntimeException e) {
            Feedback.failed(e);
            return false;
        }
    }

    /** Whether the user may add and delete these secrets (the service refuses others anyway). */
    public boolean isWritable() { return currentUser.mayWrite(teamId); }
    public String getTeamName() { return teamName; }
    public List<String> getSecrets() { return secrets; }
}
