package dev.portcullis.web.console;

import dev.portcullis.user.UserService;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/** First run: the first administrator and the organisation. Gone for good once anyone exists. */
@Named
@ViewScoped
public class SetupPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient UserService users;

    private String name;
    private String email;
    private String password;
    private String passwordConfirmation;
    private String orgName;
    private String serverUrl;

    /** Setup happens once; afterwards this page only leads to the login page. */
    public void checkNotDone() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (users.setupDone()) {
            external.redirect(ConsoleSession.LOGIN_PAGE);
            return;
        }
        if (serverUrl == null) {
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            serverUrl = "https://" + request.getServerName();
        }
    }

    public void setup() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            UserService.SetupOutcome outcome = users.setup(
                    new UserService.NewAdmin(email, name, password, passwordConfirmation), orgName, serverUrl);
            ConsoleSession.signIn((HttpServletRequest) external.getRequest(), outcome.token());
            external.redirect("integrations.xhtml?welcome=true");
        } catch (RuntimeException e) {
            Feedback.failed(e, Map.of("email", "setup:email", "name", "setup:name", "password", "setup:password",
                    "password_confirmation", "setup:passwordConfirmation", "org_name", "setup:orgName",
                    "server_url", "setup:serverUrl"));
        }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getPasswordConfirmation() { return passwordConfirmation; }
    public void setPasswordConfirmation(String passwordConfirmation) { this.passwordConfirmation = passwordConfirmation; }
    public String getOrgName() { return orgName; }
    public void setOrgName(String orgName) { this.orgName = orgName; }
    public String getServerUrl() { return serverUrl; }
    public void setServerUrl(String serverUrl) { this.serverUrl = serverUrl; }
}
