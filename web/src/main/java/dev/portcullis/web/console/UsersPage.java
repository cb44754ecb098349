package dev.portcullis.web.console;

import dev.portcullis.problem.Refusal;
import dev.portcullis.team.TeamService;
import dev.portcullis.user.UserService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Users and their roles (administrators only): the list, a new user, a role change, a deletion. */
@Named
@ViewScoped
public class UsersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient UserService users;
    @EJB
    private transient TeamService teams;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private ConsoleWords words;

    private transient List<UserService.UserView> list;
    private final Map<Long, String> teamNames = new LinkedHashMap<>();

    private String name;
    private String email;
    private String password;
    private RoleChoice newRoles = new RoleChoice();

    private Long selectedId;
    private String selectedName;
    private RoleChoice editedRoles = new RoleChoice();

    public List<UserService.UserView> getList() {
        if (list == null && currentUser.isAdmin()) {
            list = users.list();
        }
        return list == null ? List.of() : list;
    }

    public Map<Long, String> getTeamNames() {
        if (teamNames.isEmpty() && currentUser.isAdmin()) {
            teams.list().forEach(t -> teamNames.put(t.team().id(), t.team().name()));
        }
        return teamNames;
    }

    public void startCreate() {
        name = null;
        email = null;
        password = null;
        newRoles = new RoleChoice();
    }

    public void create() {
        try {
            users.create(new UserService.UserDraft(name, email, password, newRoles.globalRoleForService(),
                    newRoles.teamsForService(), false));
            Feedback.done("Created " + email + ".");
            list = null;
        } catch (Refusal refusal) {
            // The one conflict a new user meets is an email already taken: say so on the email field.
            if (refusal.kind() == Refusal.Kind.CONFLICT) {
                Feedback.onField("newUser:email", refusal.getMessage() + ".");
            } else {
                Feedback.failed(refusal, fields("newUser"));
            }
        } catch (RuntimeException e) {
            Feedback.failed(e, fields("newUser"));
        }
    }

    public void startEdit(UserService.UserView user) {
        selectedId = user.user().id();
        selectedName = user.user().name() + " (" + user.user().email() + ")";
        editedRoles = RoleChoice.of(user);
    }

    public void saveRoles() {
        try {
            users.update(selectedId, new UserService.UserDraft(null, null, null, editedRoles.globalRoleForService(),
                    editedRoles.teamsForService(), null));
            Feedback.done("Changed the role of " + selectedName + ".");
            list = null;
        } catch (RuntimeException e) {
            Feedback.failed(e, fields("editRoles"));
        }
    }

    public void startDelete(UserService.UserView user) {
        selectedId = user.user().id();
        selectedName = user.user().name() + " (" + user.user().email() + ")";
    }

    public void delete() {
        try {
            users.delete(selectedId);
            Feedback.done("Deleted " + selectedName + ".");
            list = null;
        } catch (RuntimeException e) {
            Feedback.failed(e);
        }
    }

    private static Map<String, String> fields(String form) {
        return Map.of("name", form + ":name", "email", form + ":email", "password", form + ":password",
                "global_role", form + ":globalRole", "teams", form + ":teamRoles");
    }

    public String roles(UserService.UserView user) {
        return RoleChoice.describe(user, words);
    }

    public boolean isSelf(UserService.UserView user) {
        return user.user().email().equals(currentUser.getEmail());
    }

    public dev.portcullis.user.Role[] getGlobalRoles() { return RoleChoice.globalRoles(); }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public RoleChoice getNewRoles() { return newRoles; }
    public RoleChoice getEditedRoles() { return editedRoles; }
    public String getSelectedName() { return selectedName; }
}
