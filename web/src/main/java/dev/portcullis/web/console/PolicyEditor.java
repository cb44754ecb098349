package dev.portcullis.web.console;

import dev.portcullis.policy.PolicyDraft;
import dev.portcullis.policy.PolicyService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.primefaces.PrimeFaces;

/** The dialog that creates or edits one policy of the selected team (or a global one). */
@Named
@ViewScoped
public class PolicyEditor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FIELDS = Map.of("name", "policyForm:name", "query", "policyForm:query",
            "description", "policyForm:description", "resolution", "policyForm:resolution", "platform", "policyForm:platform");

    @EJB
    private transient PolicyService policies;

    @Inject
    private PoliciesPage page;

    private Long id;
    private String name;
    private String query;
    private String description;
    private String resolution;
    private String platform;
    private boolean critical;

    public void startNew() {
        id = null;
        name = null;
        query = null;
        description = null;
        resolution = null;
        platform = "darwin";
        critical = false;
    }

    public void edit(PolicyRow row) {
        id = row.id();
        name = row.name();
        query = row.query();
        description = row.description();
        resolution = row.resolution();
        platform = row.platform();
        critical = row.critical();
    }

    public void save() {
        Long teamId = page.getScope().teamId();
        // Empty text fields clear the description and resolution; gating is set in Manage automations.
        PolicyDraft draft = new PolicyDraft(name, query, description == null ? "" : description,
                resolution == null ? "" : resolution, platform == null ? "" : platform, critical, null);
        try {
            if (id == null) {
                policies.create(teamId, draft, CurrentUser.actorEmail());
                Feedback.done("Added the policy " + name.strip() + ".");
            } else {
                policies.update(teamId, id, draft, CurrentUser.actorEmail());
                Feedback.done("Saved the policy " + name.strip() + ".");
            }
            PrimeFaces.current().executeScript("PF('policyDialog').hide()");
            page.load();
        } catch (RuntimeException e) {
            Feedback.failed(e, FIELDS);
        }
    }

    public boolean isCreating() { return id == null; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getResolution() { return resolution; }
    public void setResolution(String resolution) { this.resolution = resolution; }
    public String getPlatform() { return platform; }
    public void setPlatform(String platform) { this.platform = platform; }
    public boolean isCritical() { return critical; }
    public void setCritical(boolean critical) { this.critical = critical; }
}
