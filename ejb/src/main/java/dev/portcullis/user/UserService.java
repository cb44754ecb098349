package dev.portcullis.user;

import dev.portcullis.audit.ActivityLog;
import dev.portcullis.audit.ActivityType;
import dev.portcullis.problem.Refusal;
import dev.portcullis.problem.Creating;
import dev.portcullis.problem.EmailAddress;
import dev.portcullis.problem.NullOrNotBlank;
import dev.portcullis.problem.Validation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.ConvertGroup;
import dev.portcullis.settings.AppSettings;
import dev.portcullis.settings.DeploymentConfig;
import dev.portcullis.settings.HttpsUrl;
import dev.portcullis.settings.SettingsService;
import dev.portcullis.team.Team;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** First-run setup, login, bearer-token sessions, and the administration of users and their roles. */
@Stateless
@PermitAll
public class UserService {

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Inject
    private DeploymentConfig config;

    @EJB
    private SettingsService settings;

    @EJB
    private ActivityLog activities;

    @EJB
    private LoginThrottle throttle;

    @EJB
    private TeamScope scope;

    @Resource
    private SessionContext context;

    /** The first administrator; the password's strength and its confirmation are checked in {@link #setup}. */
    public record NewAdmin(
            @NotNull(message = "must be a valid email address") @EmailAddress
            @Size(max = 320, message = "must be at most {max} characters") String email,
            @NotBlank(message = "must not be empty") @Size(max = 255, message = "must be at most {max} characters")
            String name,
            String password,
            String passwordConfirmation) {
    }

    public record SetupOutcome(User admin, String orgName, String serverUrl, String token) {
    }

    public record LoginOutcome(UserView user, String token) {
    }

    /** The user behind a token and the security roles that user holds. */
    public record Caller(User user, Set<String> roles) {
    }

    /** One team role as given in a request: the team's id and the role's name. */
    public record TeamRoleDraft(Long teamId, String role) {
    }

    /** A new user, or a PATCH of one (null leaves a field as it is; teams replaces all team roles). */
    public record UserDraft(
            @NotNull(groups = Creating.class, message = "must not be empty") @NullOrNotBlank
            @Size(max = 255, message = "must be at most {max} characters") String name,
            @NotNull(groups = Creating.class, message = "must be a valid email address") @EmailAddress
            @Size(max = 320, message = "must be at most {max} characters") String email,
            String password,
            String globalRole,
            List<TeamRoleDraft> teams,
            Boolean apiOnly) {
    }

    /** A team role as shown: the team's id and name and the role. */
    public record TeamRoleView(long teamId, String teamName, Role role) {
    }

    /** A user with their team roles. */
    public record UserView(User user, List<TeamRoleView> teams) {
    }

    /** Whether the one-time setup has happened: then any setup request is refused, whatever its body. */
    public boolean setupDone() {
        return em.createNamedQuery("User.count", Long.class).getSingleResult() > 0;
    }

    /** Creates the first administrator and the organisation; refused once any user exists. */
    public SetupOutcome setup(@NotNull(message = "is required") @Valid NewAdmin admin,
                              @NotBlank(message = "must not be empty")
                              @Size(max = 255, message = "must be at most {max} characters") String orgName,
                              String serverUrl) {
        Validation v = new Validation();
        PasswordRule.problemWith(admin.password()).ifPresent(reason -> v.add("password", reason));
        v.require(admin.password() != null && admin.password().equals(admin.passwordConfirmation()),
                "password_confirmation", "password_confirmation does not match password");
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

    /**
     * Checks the password and opens a session; every failure reads the same to the caller.
     * Repeated failures for one email or from one client address are refused with 429 for a while.
     */
    public LoginOutcome login(String email, String password, String clientAddress) {
        throttle.check(email, clientAddress);
        Optional<User> found = findByEmail(email);
        if (found.isEmpty()) {
            PasswordHash.burnVerification(password);
            throttle.failed(email, clientAddress);
            throw Refusal.unauthenticated("Authentication failed");
        }
        User user = found.get();
        if (!PasswordHash.matches(password, user.passwordHash())) {
            throttle.failed(email, clientAddress);
            throw Refusal.unauthenticated("Authentication failed");
        }
        throttle.succeeded(email);
        Instant now = Instant.now();
        activities.record(ActivityType.USER_LOGGED_IN, user.email(), null);
        return new LoginOutcome(view(user), startSession(user, now));
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

    /** The user behind a live token with the roles the container should know them by. */
    public Optional<Caller> caller(String token) {
        return authenticate(token).map(u -> new Caller(u, SecurityRoles.of(u.globalRole(), scope.teamRolesOf(u.id()))));
    }

    /** The calling user ("me"). */
    @RolesAllowed({SecurityRoles.ADMIN, SecurityRoles.MAINTAINER, SecurityRoles.OBSERVER,
            SecurityRoles.TEAM_MAINTAINER, SecurityRoles.TEAM_OBSERVER})
    public UserView me() {
        return view(scope.caller().user());
    }

    @RolesAllowed(SecurityRoles.ADMIN)
    public List<UserView> list() {
        Map<Long, List<TeamRoleView>> teams = new LinkedHashMap<>();
        for (UserTeamRole r : em.createNamedQuery("UserTeamRole.all", UserTeamRole.class).getResultList()) {
            teams.computeIfAbsent(r.userId(), k -> new ArrayList<>()).add(teamRoleView(r));
        }
        return em.createNamedQuery("User.all", User.class).getResultList().stream()
                .map(u -> new UserView(u, teams.getOrDefault(u.id(), List.of()))).toList();
    }

    @RolesAllowed(SecurityRoles.ADMIN)
    public UserView get(long id) {
        return view(find(id));
    }

    /** Creates a user with a global role or team roles (Fleet's rule: one or the other). */
    @RolesAllowed(SecurityRoles.ADMIN)
    public UserView create(@NotNull @Valid @ConvertGroup(to = Creating.class) UserDraft draft) {
        Validation v = new Validation();
        PasswordRule.problemWith(draft.password()).ifPresent(reason -> v.add("password", reason));
        RoleChoice roles = roleChoice(draft, true, v);
        v.check();
        if (findByEmail(draft.email()).isPresent()) {
            throw Refusal.conflict("A user with the email " + User.normaliseEmail(draft.email()) + " already exists");
        }
        User user = new User(draft.email(), draft.name().strip(), PasswordHash.hash(draft.password()),
                roles.global(), Boolean.TRUE.equals(draft.apiOnly()), Instant.now());
        em.persist(user);
        em.flush();
        roles.teams().forEach((team, role) -> em.persist(new UserTeamRole(user.id(), team, role)));
        activities.record(ActivityType.CREATED_USER, actor(), userDetails(user).build());
        recordRoles(user, roles);
        return view(user);
    }

    /** Changes any subset of name, email, password, api_only and roles. */
    @RolesAllowed(SecurityRoles.ADMIN)
    public UserView update(long id, @NotNull @Valid UserDraft draft) {
        User user = find(id);
        Validation v = new Validation();
        if (draft.password() != null) {
            PasswordRule.problemWith(draft.password()).ifPresent(reason -> v.add("password", reason));
        }
        boolean rolesChange = draft.globalRole() != null || draft.teams() != null;
        RoleChoice roles = rolesChange ? roleChoice(draft, false, v) : null;
        v.check();
        if (draft.email() != null) {
            Optional<User> other = findByEmail(draft.email());
            if (other.isPresent() && !other.get().id().equals(user.id())) {
                throw Refusal.conflict("A user with the email " + User.normaliseEmail(draft.email()) + " already exists");
            }
            user.changeEmail(draft.email());
        }
        if (draft.name() != null) {
            user.rename(draft.name().strip());
        }
        if (draft.password() != null) {
            user.changePasswordHash(PasswordHash.hash(draft.password()));
        }
        if (draft.apiOnly() != null) {
            user.changeApiOnly(draft.apiOnly());
        }
        if (roles != null) {
            if (user.globalRole() == Role.ADMIN && roles.global() != Role.ADMIN) {
                requireAnotherAdmin();
            }
            Role before = user.globalRole();
            user.changeGlobalRole(roles.global());
            em.createNamedQuery("UserTeamRole.deleteByUser").setParameter("userId", user.id()).executeUpdate();
            roles.teams().forEach((team, role) -> em.persist(new UserTeamRole(user.id(), team, role)));
            if (before != null && roles.global() == null) {
                activities.record(ActivityType.DELETED_USER_GLOBAL_ROLE, actor(),
                        userDetails(user).add("role", before.json()).build());
            }
            recordRoles(user, roles);
        }
        return view(user);
    }

    /** Deletes a user and their sessions; not oneself, and never the last administrator. */
    @RolesAllowed(SecurityRoles.ADMIN)
    public void delete(long id) {
        User user = find(id);
        if (user.email().equals(actor())) {
            throw Refusal.conflict("You cannot delete yourself");
        }
        if (user.globalRole() == Role.ADMIN) {
            requireAnotherAdmin();
        }
        em.createNamedQuery("UserTeamRole.deleteByUser").setParameter("userId", user.id()).executeUpdate();
        em.createQuery("DELETE FROM ApiSession s WHERE s.userId = :userId").setParameter("userId", user.id())
                .executeUpdate();
        em.remove(user);
        activities.record(ActivityType.DELETED_USER, actor(), userDetails(user).build());
    }

    private record RoleChoice(Role global, Map<Long, Role> teams) {
    }

    private RoleChoice roleChoice(UserDraft draft, boolean creating, Validation v) {
        boolean hasTeams = draft.teams() != null && !draft.teams().isEmpty();
        if (draft.globalRole() != null && hasTeams) {
            v.add("global_role", "a user has either a global_role or teams, not both");
            return null;
        }
        if (draft.globalRole() == null && !hasTeams) {
            if (creating || draft.teams() != null) {
                v.add("global_role", "global_role or teams is required");
            }
            return null;
        }
        if (draft.globalRole() != null) {
            Role role = parseRole(draft.globalRole());
            v.require(role != null, "global_role", "global_role must be admin, maintainer or observer");
            return new RoleChoice(role, Map.of());
        }
        Map<Long, Role> teams = new LinkedHashMap<>();
        for (TeamRoleDraft t : draft.teams()) {
            if (t == null || t.teamId() == null || em.find(Team.class, t.teamId()) == null) {
                v.add("teams", "teams must name existing teams by id");
                continue;
            }
            Role role = parseRole(t.role());
            if (role == null || role == Role.ADMIN) {
                v.add("teams", "a team role must be maintainer or observer");
                continue;
            }
            teams.put(t.teamId(), role);
        }
        return new RoleChoice(null, teams);
    }

    private static Role parseRole(String name) {
        if (name == null) {
            return null;
        }
        for (Role r : Role.values()) {
            if (r.json().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        return null;
    }

    private void requireAnotherAdmin() {
        long admins = em.createNamedQuery("User.countWithRole", Long.class).setParameter("role", Role.ADMIN)
                .getSingleResult();
        if (admins <= 1) {
            throw Refusal.conflict("The last administrator cannot be removed");
        }
    }

    private void recordRoles(User user, RoleChoice roles) {
        if (roles == null) {
            return;
        }
        if (roles.global() != null) {
            activities.record(ActivityType.CHANGED_USER_GLOBAL_ROLE, actor(),
                    userDetails(user).add("role", roles.global().json()).build());
        }
        roles.teams().forEach((team, role) -> activities.record(ActivityType.CHANGED_USER_TEAM_ROLE, actor(),
                userDetails(user).add("team_id", team).add("role", role.json()).build()));
    }

    private static JsonObjectBuilder userDetails(User user) {
        return Json.createObjectBuilder().add("user_id", user.id()).add("user_name", user.name())
                .add("user_email", user.email());
    }

    private String actor() {
        return context.getCallerPrincipal() == null ? null : context.getCallerPrincipal().getName();
    }

    private User find(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw Refusal.notFound("User " + id);
        }
        return user;
    }

    private UserView view(User user) {
        List<TeamRoleView> teams = em.createNamedQuery("UserTeamRole.byUser", UserTeamRole.class)
                .setParameter("userId", user.id()).getResultList().stream().map(this::teamRoleView).toList();
        return new UserView(user, teams);
    }

    private TeamRoleView teamRoleView(UserTeamRole r) {
        Team team = em.find(Team.class, r.teamId());
        return new TeamRoleView(r.teamId(), team == null ? null : team.name(), r.role());
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

}
