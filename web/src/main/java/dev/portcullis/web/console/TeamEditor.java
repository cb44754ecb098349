package dev.portcullis.web.console;

import dev.portcullis.team.TeamService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.primefaces.PrimeFaces;

/** The dialog that creates a team or renames one. */
@Named
@ViewScoped
public class TeamEditor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FIELDS = Map.of("name", "teamForm:name", "base", "teamForm:name",
            "description", "teamForm:description");

    @EJB
    private transient TeamService teams;

    @Inject
    private TeamsPage page;

    private Long id;
    private String name;
    private String description;

    public void startNew() {
        id = null;
        name = null;
        description = null;
    }

    public void edit(TeamsPage.TeamRow row) {
        id = row.id();
        name = row.name();
        description = row.description();
    }

    public void save() {
        try {
            if (id == null) {
                teams.create(name, description, null, false, CurrentUser.actorEmail());
                Feedback.done("Created the team " + name.strip() + " with a new enroll secret.");
            } else {
                teams.update(id, new TeamService.TeamChange(name, description == null ? "" : description, null),
                        CurrentUser.actorEmail());
                Feedback.done("Saved the team " + name.strip() + ".");
            }
            PrimeFaces.current().executeScript("PF('teamDialog').hide()");
            page.load();
        } catch (RuntimeException e) {
            Feedback.failed(e, FIELDS);
        }
    }

    public boolean isCreating() { return id == null; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
