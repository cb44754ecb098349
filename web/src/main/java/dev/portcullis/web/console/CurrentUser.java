package dev.portcullis.web.console;

import dev.portcullis.user.Role;
import dev.portcullis.user.TeamScope;
import dev.portcullis.user.UserService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * The signed-in console user as the pages need it: name and email for the header, and what the
 * user's roles allow so a page can hide what would be refused (the services still decide).
 */
@Named
@RequestScoped
public class CurrentUser {

    @EJB
    private TeamScope scope;

    @EJB
    private UserService users;

    private TeamScope.CallerRoles caller;

    /** The signed-in user's email as the activity log names the actor. */
    public static String actorEmail() {
        java.security.Principal principal = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return principal == null ? null : principal.getName();
    }

    private TeamScope.CallerRoles caller() {
        if (caller == null) {
            caller = scope.caller();
        }
        return caller;
    }

    public String getName() {
        return caller().user().name();
    }

    public String getEmail() {
        return caller().user().email();
    }

    public boolean isAdmin() {
        return caller().globalRole() == Role.ADMIN;
    }

    /** Whether the user may change things of this team (null: global policies and hosts with no team). */
    public boolean mayWrite(Long teamId) {
        return caller().mayWrite(teamId);
    }

    /** Whether the user may change anything anywhere (a global maintainer or admin). */
    public boolean isGlobalWriter() {
        return caller().mayWrite(null);
    }

    /** Whether the user holds a global role (team-only users see only their teams). */
    public boolean isGlobalReader() {
        return caller().globalRole() != null;
    }

    public String getRoleLabel() {
        Role role = caller().globalRole();
        return role == null ? "Team member" : role.json().substring(0, 1).toUpperCase() + role.json().substring(1);
    }

    /** Ends the session here and for the token behind it, then shows the login page. */
    public void logout() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String token = ConsoleSession.signOut((HttpServletRequest) external.getRequest());
        if (token != null) {
            users.logout(token);
        }
        external.redirect(ConsoleSession.LOGIN_PAGE + "?signedOut=true");
    }
}
