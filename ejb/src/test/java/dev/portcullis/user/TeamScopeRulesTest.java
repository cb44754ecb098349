package dev.portcullis.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TeamScopeRulesTest {

    private static TeamScope.CallerRoles caller(Role global, Map<Long, Role> teams) {
        User user = new User("someone@example.com", "Someone", "not-a-real-hash", global, Instant.EPOCH);
        return new TeamScope.CallerRoles(user, global, teams);
    }

    @Test
    void globalRolesReadEveryTeamAndOnlyObserversCannotWrite() {
        assertTrue(caller(Role.OBSERVER, Map.of()).mayRead(7L));
        assertTrue(caller(Role.OBSERVER, Map.of()).mayRead(null));
        assertFalse(caller(Role.OBSERVER, Map.of()).mayWrite(7L));
        assertTrue(caller(Role.MAINTAINER, Map.of()).mayWrite(null));
        assertTrue(caller(Role.ADMIN, Map.of()).mayWrite(7L));
    }

    @Test
    void teamRolesReachOnlyTheirTeams() {
        TeamScope.CallerRoles maintainerOf3 = caller(null, Map.of(3L, Role.MAINTAINER));
        assertTrue(maintainerOf3.mayRead(3L));
        assertTrue(maintainerOf3.mayWrite(3L));
        assertFalse(maintainerOf3.mayRead(4L));
        assertFalse(maintainerOf3.mayWrite(4L));
        assertFalse(maintainerOf3.mayWrite(null), "global resources are not a team maintainer's");

        TeamScope.CallerRoles observerOf3 = caller(null, Map.of(3L, Role.OBSERVER));
        assertTrue(observerOf3.mayRead(3L));
        assertFalse(observerOf3.mayWrite(3L));
        assertFalse(observerOf3.mayRead(null));
    }

    @Test
    void securityRolesNameTheGlobalRoleOrTheKindsOfTeamRole() {
        assertEquals(Set.of("admin"), SecurityRoles.of(Role.ADMIN, Map.of()));
        assertEquals(Set.of("team_maintainer", "team_observer"),
                SecurityRoles.of(null, Map.of(1L, Role.MAINTAINER, 2L, Role.OBSERVER)));
    }
}
