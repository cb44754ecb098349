package dev.portcullis.web.console;

import dev.portcullis.problem.Refusal;
import dev.portcullis.user.UserService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** The console's sign-in form; sends a fresh installation to the setup page first. */
@Named
@RequestScoped
public class LoginPage {

    @EJB
    private UserService users;

    private String email;
    private String password;

    /** Before the first administrator exists there is nobody to sign in: go to setup. */
    public void checkSetup() throws IOException {
        if (!users.setupDone()) {
            FacesContext.getCurrentInstance().getExternalContext().redirect(ConsoleSession.SETUP_PAGE);
        }
    }

    public void login() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            UserService.LoginOutcome outcome = users.login(email, password, request.getRemoteAddr());
            if (outcome.user().user().apiOnly()) {
                // As in Fleet: an API-only user (an automation's account) has no console.
                users.logout(outcome.token());
                password = null;
                Feedback.problem("This user is for the API only and cannot log in to the console.");
                return;
            }
            ConsoleSession.signIn(request, outcome.token());
            external.redirect(ConsoleSession.HOME_PAGE);
        } catch (Refusal refusal) {
            password = null;
            if (refusal.kind() == Refusal.Kind.RATE_LIMITED) {
                Feedback.problem("Too many failed attempts. Try again in " + refusal.retryAfterSeconds() + " seconds.");
            } else {
                Feedback.problem("The email or password is incorrect.");
            }
        }
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
