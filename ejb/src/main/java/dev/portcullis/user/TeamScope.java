package dev.portcullis.user;

import dev.portcullis.problem.Refusal;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The team half of authorisation, which {@code @RolesAllowed} cannot say: a user with team roles
 * may read only their teams, and change only those where they are maintainer. Global roles pass
 * here; their limits are already declared on the service method.
 */
@Stateless
@PermitAll
public class TeamScope {

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Resource
    private SessionContext context;

    /** What the caller may do per team; {@code globalRole} null means team roles only. */
    public record CallerRoles(User user, Role globalRole, Map<Long, Role> teamRoles) {

        public boolean mayRead(Long teamId) {
            return globalRole != null || (teamId != null && teamRoles.containsKey(teamId));
        }

        public boolean mayWrite(Long teamId) {
            if (globalRole != null) {
                return globalRole == Role.ADMIN || globalRole == Role.MAINTAINER;
            }
            return teamId != null && teamRoles.get(teamId) == Role.MAINTAINER;
        }
    }

    public CallerRoles caller() {
        String email = context.getCallerPrincipal() == null ? null : context.getCallerPrincipal().getName();
        Optional<User> user = email == null || !email.contains("@") ? Optional.empty()
                : em.createNamedQuery("User.byEmail", User.class).setParameter("email", User.normaliseEmail(email))
                        .getResultList().stream().findFirst();
        if (user.isEmpty()) {
            throw Refusal.forbidden("forbidden");
        }
        return new CallerRoles(user.get(), user.get().globalRole(), teamRolesOf(user.get().id()));
    }

    /** The caller may read resources of {@code teamId} (null: global or "no team"). */
    public CallerRoles requireRead(Long teamId) {
        CallerRoles caller = caller();
        if (!caller.mayRead(teamId)) {
            throw Refusal.forbidden("forbidden");
        }
        return caller;
    }

    /** The caller may change resources of {@code teamId} (null: global or "no team"). */
    public CallerRoles requireWrite(Long teamId) {
        CallerRoles caller = caller();
        if (!caller.mayWrite(teamId)) {
            throw Refusal.forbidden("forbidden");
        }
        return caller;
    }

    public Map<Long, Role> teamRolesOf(Long userId) {
        List<UserTeamRole> rows = em.createNamedQuery("UserTeamRole.byUser", UserTeamRole.class)
                .setParameter("userId", userId).getResultList();
        Map<Long, Role> roles = new LinkedHashMap<>();
        rows.forEach(r -> roles.put(r.teamId(), r.role()));
        return roles;
    }
}
