package dev.portcullis.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GatingRuleTest {

    private static Policy policy(Long teamId, boolean conditionalAccess) {
        Policy p = new Policy(teamId, "p", "SELECT 1;", Instant.now());
        p.setConditionalAccessEnabled(conditionalAccess);
        return p;
    }

    @Test
    void globalAndOwnTeamPoliciesGateWhenTheTeamHasConditionalAccessOn() {
        assertTrue(GatingPolicies.gates(policy(null, true), 7L, true));
        assertTrue(GatingPolicies.gates(policy(7L, true), 7L, true));
        assertFalse(GatingPolicies.gates(policy(8L, true), 7L, true), "another team's policy");
        assertFalse(GatingPolicies.gates(policy(7L, false), 7L, true), "conditional access off on the policy");
        assertFalse(GatingPolicies.gates(policy(null, true), 7L, false), "conditional access off for the team");
        assertTrue(GatingPolicies.gates(policy(null, true), null, true), "no team, switch on");
    }

    @Test
    void linuxDistributionsRunLinuxPolicies() {
        assertEquals("linux", PlatformFamily.of("ubuntu"));
        assertEquals("darwin", PlatformFamily.of("darwin"));
        Policy linux = policy(null, false);
        linux.setPlatform("linux");
        assertTrue(linux.appliesToPlatform(PlatformFamily.of("rhel")));
        assertFalse(linux.appliesToPlatform(PlatformFamily.of("darwin")));
    }
}
