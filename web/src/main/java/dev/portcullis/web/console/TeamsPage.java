package dev.portcullis.web.console;

import dev.portcullis.team.TeamService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Teams: the list with host counts and whether conditional access is on, and deleting a team. */
@Named
@ViewScoped
public class TeamsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient TeamService teams;

    /** A team as listed. */
    public record TeamRow(long id, String name, String description, long hosts, boolean conditionalAccess, int secrets)
            implements Serializable {
    }

    private List<TeamRow> rows = List.of();

    public void load() {
        try {
            rows = teams.list().stream().map(d -> new TeamRow(d.team().id(), d.team().name(), d.team().description(),
                    d.hostCount(), d.team().conditionalAccessEnabled(), d.secrets().size())).toList();
        } catch (RuntimeException e) {
            rows = List.of();
            Feedback.failed(e);
        }
    }

    public void delete(TeamRow row) {
        try {
            teams.delete(row.id(), CurrentUser.actorEmail());
            Feedback.done("Deleted the team " + row.name() + ". Its hosts now have no team.");
        } catch (RuntimeException e) {
            Feedback.failed(e);
        }
        load();
    }

    public List<TeamRow> getRows() { return rows; }
}
