package dev.portcullis.user;

import dev.portcullis.audit.ActivityLog;
import dev.portcullis.audit.ActivityType;
import dev.portcullis.problem.Refusal;
import dev.portcullis.problem.Validation;
import dev.portcullis.settings.AppSettings;
import dev.portcullis.settings.DeploymentConfig;
import dev.portcullis.settings.HttpsUrl;
import dev.portcullis.settings.SettingsService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** First-run setup, login and bearer-token sessions. */
@Stateless
public class UserService {

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Inject
    private DeploymentConfig config;

    @EJB
    private SettingsService settings;

    @EJB
    private ActivityLog activities;

    public record NewAdmin(String email, String name, String password, String passwordConfirmation) {
    }

    public record SetupOutcome(User admin, String orgName, String serverUrl, String token) {
    }

    public record LoginOutcome(User user, String token) {
    }

    /** Creates the first administrator and the organisation; refused once any user exists. */
    public SetupOutcome setup(NewAdmin admin, String orgName, String serverUrl) {
        Validation v = new Validation();
        if (admin == null) {
            v.add("admin", "admin is required");
        } else {
            validateNewUser(admin, v);
        }
        v.requireText(orgName, "org_name");
        v.maxLength(orgName, 255, "org_name");
        String urlProblem = HttpsUrl.problemWith(serverUrl, false);
        v.require(urlProblem == null, "server_url", "server_url " + urlProblem);
        // Serialise concurrent setups on the settings row before deciding whether setup is done.
        AppSettings app = settings.currentForUpdate();
        if (em.createNamedQuery("User.count", Long.class).getSingleResult() > 0) {
            throw Refusal.conflict("Setup has already been completed");
        }
        v.check();

        Instant now = Instant.now();
        User user = new User(admin.email(), admin.name().strip(), PasswordHash.hash(admin.password()), Role.ADMIN, now);
        em.persist(user);
        app.setOrgName(orgName.strip());
        String url = serverUrl.strip();
        app.setServerUrl(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        em.flush();
        activities.record(ActivityType.CREATED_USER, user.email(),
                Json.createObjectBuilder().add("user_id", user.id()).add("user_email", user.email()).build());
        String token = startSession(user, now);
        return new SetupOutcome(user, app.orgName(), app.serverUrl(), token);
    }

    /** Checks the password and opens a session; every failure reads the same to the caller. */
    public LoginOutcome login(String email, String password) {
        Optional<User> found = findByEmail(email);
        if (found.isEmpty()) {
            PasswordHash.burnVerification(password);
            throw Refusal.unauthenticated("Authentication failed");
        }
        User user = found.get();
        if (!PasswordHash.matches(password, user.passwordHash())) {
            throw Refusal.unauthenticated("Authentication failed");
        }
        Instant now = Instant.now();
        activities.record(ActivityType.USER_LOGGED_IN, user.email(), null);
        return new LoginOutcome(user, startSession(user, now));
    }

    /** The user behind a live bearer token, if any. */
    public Optional<User> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 256) {
            return Optional.empty();
        }
        ApiSession session = em.find(ApiSession.class, SessionToken.digest(token));
        if (session == null || !session.liveAt(Instant.now())) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(User.class, session.userId()));
    }

    public void logout(String token) {
        ApiSession session = em.find(ApiSession.class, SessionToken.digest(token));
        if (session != null) {
            em.remove(session);
        }
    }

    private String startSession(User user, Instant now) {
        em.createNamedQuery("ApiSession.deleteExpired").setParameter("now", now).executeUpdate();
        String token = SessionToken.generate();
        em.persist(new ApiSession(SessionToken.digest(token), user.id(), now, now.plus(config.sessionLifetime())));
        return token;
    }

    private Optional<User> findByEmail(String email) {
        if (email == null || !email.contains("@")) {
            return Optional.empty();
        }
        List<User> users = em.createNamedQuery("User.byEmail", User.class)
                .setParameter("email", User.normaliseEmail(email)).getResultList();
        return users.stream().findFirst();
    }

    private static void validateNewUser(NewAdmin admin, Validation v) {
        boolean emailOk = admin.email() != null && admin.email().strip().matches("[^@\\s]+@[^@\\s]+");
        v.require(emailOk, "email", "email must be a valid email address");
        v.requireText(admin.name(), "name");
        v.maxLength(admin.name(), 255, "name");
        PasswordRule.problemWith(admin.password()).ifPresent(reason -> v.add("password", reason));
        v.require(admin.password() != null && admin.password().equals(admin.passwordConfirmation()),
                "password_confirmation", "password_confirmation does not match password");
    }
}
