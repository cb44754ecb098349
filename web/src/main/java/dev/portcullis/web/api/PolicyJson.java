package dev.portcullis.web.api;

import dev.portcullis.policy.HostPolicy;
import dev.portcullis.policy.Policy;
import dev.portcullis.policy.PolicyDraft;
import dev.portcullis.policy.PolicyService;
import java.time.Instant;
import java.util.List;

/** A policy as Fleet shows one, with its host counts. */
public record PolicyJson(long id, String name, String query, String description, String resolution, String platform,
                         boolean critical, boolean conditionalAccessEnabled, Long teamId, long passingHostCount,
                         long failingHostCount, Instant createdAt, Instant updatedAt) {

    /** What a client sends to create or change a policy. */
    public record In(String name, String query, String description, String resolution, String platform,
                     Boolean critical, Boolean conditionalAccessEnabled) {

        PolicyDraft draft() {
            return new PolicyDraft(name, query, description, resolution, platform, critical, conditionalAccessEnabled);
        }
    }

    public record One(PolicyJson policy) {
    }

    public record Many(List<PolicyJson> policies) {
    }

    public record DeleteIn(List<Long> ids) {
    }

    public record Deleted(int deleted) {
    }

    /** A policy on one host, with that host's response. */
    public record OnHost(long id, String name, String query, String description, String resolution, String platform,
                         boolean critical, boolean conditionalAccessEnabled, Long teamId, String response,
                         String error) {

        static OnHost of(HostPolicy hp) {
            Policy p = hp.policy();
            return new OnHost(p.id(), p.name(), p.query(), p.description(), p.resolution(), p.platform(), p.critical(),
                    p.conditionalAccessEnabled(), p.teamId(), hp.response(), hp.error());
        }

        static List<OnHost> of(List<HostPolicy> policies) {
            return policies.stream().map(OnHost::of).toList();
        }
    }

    static PolicyJson of(PolicyService.PolicyStats s) {
        Policy p = s.policy();
        return new PolicyJson(p.id(), p.name(), p.query(), p.description(), p.resolution(), p.platform(), p.critical(),
                p.conditionalAccessEnabled(), p.teamId(), s.passingHostCount(), s.failingHostCount(), p.createdAt(),
                p.updatedAt());
    }

    static Many of(List<PolicyService.PolicyStats> stats) {
        return new Many(stats.stream().map(PolicyJson::of).toList());
    }
}
