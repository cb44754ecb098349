package dev.portcullis.team;

import static dev.portcullis.user.SecurityRoles.ADMIN;
import static dev.portcullis.user.SecurityRoles.MAINTAINER;
import static dev.portcullis.user.SecurityRoles.OBSERVER;
import static dev.portcullis.user.SecurityRoles.TEAM_MAINTAINER;
import static dev.portcullis.user.SecurityRoles.TEAM_OBSERVER;

import dev.portcullis.audit.ActivityLog;
import dev.portcullis.audit.ActivityType;
import dev.portcullis.problem.Refusal;
import dev.portcullis.problem.NullOrNotBlank;
import dev.portcullis.problem.Validation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import dev.portcullis.user.TeamScope;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Teams and enroll secrets, global and per team. A secret is unique across all teams. */
@Stateless
@PermitAll
public class TeamService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @EJB
    private ActivityLog activities;

    @EJB
    private TeamScope scope;

    /** A team with what the API shows beside it. */
    public record TeamDetail(Team team, long hostCount, List<EnrollSecret> secrets) {
    }

    /** A PATCH of a team; null leaves a field as it is. */
    public record TeamChange(@NullOrNotBlank @Size(max = 255, message = "must be at most {max} characters") String name,
                             @Size(max = 2000, message = "must be at most {max} characters") String description,
                             Boolean conditionalAccessEnabled) {
    }

    /** Creates a team; without secrets it gets one random secret. */
    @RolesAllowed(ADMIN)
    public TeamDetail create(@NotBlank(message = "must not be empty")
                             @Size(max = 255, message = "must be at most {max} characters") String name,
                             @Size(max = 2000, message = "must be at most {max} characters") String description,
                             List<String> secrets, boolean conditionalAccessEnabled, String actorEmail) {
        if (!em.createNamedQuery("Team.byName", Team.class).setParameter("name", name.strip()).getResultList().isEmpty()) {
            throw Refusal.conflict("A team with the name " + name.strip() + " already exists");
        }
        Instant now = Instant.now();
        Team team = new Team(name, description, now);
        team.setConditionalAccessEnabled(conditionalAccessEnabled);
        em.persist(team);
        em.flush();
        List<String> wanted = secrets == null || secrets.isEmpty() ? List.of(randomSecret()) : secrets;
        replaceSecrets(team.id(), wanted);
        activities.record(ActivityType.CREATED_TEAM, actorEmail,
                Json.createObjectBuilder().add("team_id", team.id()).add("team_name", team.name()).build());
        return detail(team);
    }

    /** Every team, or only their own teams for a user with team roles. */
    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER, TEAM_MAINTAINER, TEAM_OBSERVER})
    public List<TeamDetail> list() {
        TeamScope.CallerRoles caller = scope.caller();
        return em.createNamedQuery("Team.all", Team.class).getResultList().stream()
                .filter(t -> caller.mayRead(t.id())).map(t -> detail(t, caller)).toList();
    }

    @RolesAllowed({ADMIN, MAINTAINER, OBSERVER, TEAM_MAINTAINER, TEAM_OBSERVER})
    public TeamDetail get(long id) {
        return detail(find(id), scope.requireRead(id));
    }

    public Team find(long id) {
        Team team = em.find(Team.class, id);
        if (team == null) {
            throw Refusal.notFound("Team " + id);
        }
        return team;
    }

    @RolesAllowed(ADMIN)
    public TeamDetail update(long id, @NotNull @Valid TeamChange change, String actorEmail) {
        Team team = find(id);
        if (change.name() != null) {
            List<Team> same = em.createNamedQuery("Team.byName", Team.class)
                    .setParameter("name", change.name().strip()).getResultList();
            if (same.stream().anyMatch(t -> !t.id().equals(team.id()))) {
                throw Refusal.conflict("A team with the name " + change.name().strip() + " already exists");
            }
            team.rename(change.name());
        }
        if (change.description() != null) {
            team.describe(change.description());
        }
        if (change.conditionalAccessEnabled() != null
                && change.conditionalAccessEnabled() != team.conditionalAccessEnabled()) {
            team.setConditionalAccessEnabled(change.conditionalAccessEnabled());
            activities.record(ActivityType.EDITED_CONDITIONAL_ACCESS, actorEmail, Json.createObjectBuilder()
                    .add("team_id", team.id()).add("team_name", team.name())
                    .add("conditional_access_enabled", team.conditionalAccessEnabled()).build());
        }
        activities.record(ActivityType.EDITED_TEAM, actorEmail,
                Json.createObjectBuilder().add("team_id", team.id()).add("team_name", team.name()).build());
        return detail(team);
    }

    /** Deletes a team, its policies (with their results) and secrets; its hosts move to no team. */
    @RolesAllowed(ADMIN)
    public void delete(long id, String actorEmail) {
        Team team = find(id);
        em.createNamedQuery("Host.leaveTeam").setParameter("teamId", id).executeUpdate();
        em.createQuery("DELETE FROM PolicyResult r WHERE r.policyId IN "
                + "(SELECT p.id FROM Policy p WHERE p.teamId = :teamId)").setParameter("teamId", id).executeUpdate();
        em.createQuery("DELETE FROM Policy p WHERE p.teamId = :teamId").setParameter("teamId", id).executeUpdate();
        em.createQuery("DELETE FROM EnrollSecret s WHERE s.teamId = :teamId").setParameter("teamId", id).executeUpdate();
        em.createNamedQuery("UserTeamRole.deleteByTeam").setParameter("teamId", id).executeUpdate();
        em.remove(team);
        activities.record(ActivityType.EDITED_TEAM, actorEmail, Json.createObjectBuilder()
                .add("team_id", id).add("team_name", team.name()).add("deleted", true).build());
    }

    @RolesAllowed({ADMIN, MAINTAINER})
    public List<EnrollSecret> globalSecrets() {
        return em.createNamedQuery("EnrollSecret.global", EnrollSecret.class).getResultList();
    }

    @RolesAllowed({ADMIN, MAINTAINER})
    public List<EnrollSecret> replaceGlobalSecrets(List<String> secrets, String actorEmail) {
        return replaceSecretsOf(null, secrets, actorEmail);
    }

    @RolesAllowed({ADMIN, MAINTAINER, TEAM_MAINTAINER})
    public List<EnrollSecret> teamSecrets(long teamId) {
        scope.requireWrite(teamId);
        find(teamId);
        return secretsOf(teamId);
    }

    @RolesAllowed({ADMIN, MAINTAINER, TEAM_MAINTAINER})
    public List<EnrollSecret> replaceTeamSecrets(long teamId, List<String> secrets, String actorEmail) {
        scope.requireWrite(teamId);
        find(teamId);
        return replaceSecretsOf(teamId, secrets, actorEmail);
    }

    /** Adds a new random secret to a team's (null: the global) secrets, keeping the others. */
    @RolesAllowed({ADMIN, MAINTAINER, TEAM_MAINTAINER})
    public List<EnrollSecret> addRandomSecret(Long teamId, String actorEmail) {
        List<String> wanted = new ArrayList<>(currentSecrets(teamId));
        wanted.add(randomSecret());
        return replaceSecretsOf(teamId, wanted, actorEmail);
    }

    /** Removes one secret of a team (null: global); hosts enrolled with it stay enrolled. */
    @RolesAllowed({ADMIN, MAINTAINER, TEAM_MAINTAINER})
    public List<EnrollSecret> removeSecret(Long teamId, String secret, String actorEmail) {
        List<String> wanted = new ArrayList<>(currentSecrets(teamId));
        if (!wanted.remove(secret)) {
            throw Refusal.notFound("The enroll secret");
        }
        return replaceSecretsOf(teamId, wanted, actorEmail);
    }

    private List<String> currentSecrets(Long teamId) {
        scope.requireWrite(teamId);
        if (teamId != null) {
            find(teamId);
        }
        List<EnrollSecret> current = teamId == null
                ? em.createNamedQuery("EnrollSecret.global", EnrollSecret.class).getResultList() : secretsOf(teamId);
        return current.stream().map(EnrollSecret::secret).toList();
    }

    private List<EnrollSecret> replaceSecretsOf(Long teamId, List<String> secrets, String actorEmail) {
        List<EnrollSecret> result = replaceSecrets(teamId, secrets);
        activities.record(ActivityType.EDITED_ENROLL_SECRETS, actorEmail, teamId == null
                ? Json.createObjectBuilder().addNull("team_id").build()
                : Json.createObjectBuilder().add("team_id", teamId).build());
        return result;
    }

    /** The secret's record, or null: the agent's enrollment and the SCEP challenge both ask. */
    public EnrollSecret findSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            return null;
        }
        return em.createNamedQuery("EnrollSecret.bySecret", EnrollSecret.class)
                .setParameter("secret", secret).getResultStream().findFirst().orElse(null);
    }

    private List<EnrollSecret> replaceSecrets(Long teamId, List<String> secrets) {
        List<String> wanted = secrets == null ? List.of() : secrets;
        Validation v = new Validation();
        Set<String> seen = new HashSet<>();
        for (String s : wanted) {
            if (s == null || s.isBlank()) {
                v.add("secret", "secret must not be empty");
            } else if (s.length() > 255) {
                v.add("secret", "secret must be at most 255 characters");
            } else if (!seen.add(s)) {
                v.add("secret", "secret is listed twice");
            }
        }
        v.check();
        for (String s : wanted) {
            EnrollSecret existing = findSecret(s);
            if (existing != null && !Objects.equals(existing.teamId(), teamId)) {
                throw Refusal.conflict("This enroll secret is already in use by another team");
            }
        }
        List<EnrollSecret> current = teamId == null ? globalSecrets() : secretsOf(teamId);
        Set<String> kept = new HashSet<>();
        for (EnrollSecret s : current) {
            if (seen.contains(s.secret())) {
                kept.add(s.secret());
            } else {
                em.remove(s);
            }
        }
        em.flush();
        Instant now = Instant.now();
        List<EnrollSecret> result = new ArrayList<>();
        for (String s : wanted) {
            if (!kept.contains(s)) {
                em.persist(new EnrollSecret(s, teamId, now));
            }
        }
        em.flush();
        result.addAll(teamId == null ? globalSecrets() : secretsOf(teamId));
        return result;
    }

    private List<EnrollSecret> secretsOf(long teamId) {
        return em.createNamedQuery("EnrollSecret.byTeam", EnrollSecret.class).setParameter("teamId", teamId).getResultList();
    }

    private TeamDetail detail(Team team) {
        return detail(team, scope.caller());
    }

    /** A team as this caller may see it: an enroll secret enrolls hosts, so only those who may change the team read it. */
    private TeamDetail detail(Team team, TeamScope.CallerRoles caller) {
        long hosts = em.createNamedQuery("Host.countByTeam", Long.class).setParameter("teamId", team.id()).getSingleResult();
        return new TeamDetail(team, hosts, caller.mayWrite(team.id()) ? secretsOf(team.id()) : List.of());
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
