package dev.portcullis.web.api;

import dev.portcullis.host.Host;
import dev.portcullis.host.HostService;
import dev.portcullis.problem.Refusal;
import dev.portcullis.settings.DeploymentConfig;
import dev.portcullis.settings.SettingsService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Enrolled hosts: list, details with policy responses, transfer, refetch, delete. */
@Path("v1/fleet/hosts")
@Authenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HostsResource {

    public record HostJson(long id, String uuid, String hostname, String displayName, String platform,
                           String osVersion, Long teamId, Instant seenTime, Instant lastEnrolledAt,
                           Instant policyUpdatedAt, boolean refetchRequested, Instant createdAt) {

        static HostJson of(Host h) {
            return new HostJson(h.id(), h.hardwareUuid(), h.hostname(), h.hostname(), h.platform(), h.osVersion(),
                    h.teamId(), h.seenAt(), h.lastEnrolledAt(), h.policyUpdatedAt(), h.refetchRequested(),
                    h.createdAt());
        }
    }

    public record HostDetailJson(long id, String uuid, String hostname, String displayName, String platform,
                                 String osVersion, Long teamId, Instant seenTime, Instant lastEnrolledAt,
                                 Instant policyUpdatedAt, boolean refetchRequested, Instant createdAt,
                                 boolean bypassPending, List<PolicyJson.OnHost> policies) {
    }

    public record HostsOut(List<HostJson> hosts) {
    }

    public record HostOut(HostDetailJson host) {
    }

    public record TransferIn(Long teamId, List<Long> hosts) {
    }

    public record DeviceUrlOut(long hostId, String deviceToken, String deviceUrl) {
    }

    @Inject
    private HostService hosts;

    @Inject
    private SettingsService settings;

    @Inject
    private DeploymentConfig config;

    /** {@code team_id} absent: every host; 0: hosts in no team (Fleet's "No team"); else that team's. */
    @GET
    public HostsOut list(@QueryParam("team_id") Long teamId, @QueryParam("page") @DefaultValue("0") int page,
                         @QueryParam("per_page") @DefaultValue("100") int perPage) {
        if (page < 0) throw Refusal.invalid("page", "page must not be negative");
        if (perPage < 1) throw Refusal.invalid("per_page", "per_page must be at least 1");
        HostService.TeamFilter filter = teamId == null ? new HostService.TeamFilter.Any()
                : teamId == 0 ? new HostService.TeamFilter.NoTeam() : new HostService.TeamFilter.OfTeam(teamId);
        return new HostsOut(hosts.list(filter, page, perPage).stream().map(HostJson::of).toList());
    }

    @GET
    @Path("{id}")
    public HostOut get(@PathParam("id") long id) {
        HostService.HostDetail d = hosts.get(id);
        Host h = d.host();
        return new HostOut(new HostDetailJson(h.id(), h.hardwareUuid(), h.hostname(), h.hostname(), h.platform(),
                h.osVersion(), h.teamId(), h.seenAt(), h.lastEnrolledAt(), h.policyUpdatedAt(), h.refetchRequested(),
                h.createdAt(), h.bypassPending(), PolicyJson.OnHost.of(d.policies())));
    }

    /** Fleet's lookup by identifier; here the hardware UUID, in any case. */
    @GET
    @Path("identifier/{identifier}")
    public HostOut byIdentifier(@PathParam("identifier") String identifier) {
        Host host = hosts.findByUuid(identifier).orElseThrow(() -> Refusal.notFound("Host " + identifier));
        return get(host.id());
    }

    @POST
    @Path("transfer")
    public Map<String, Object> transfer(TransferIn body, @Context SecurityContext security) {
        Bodies.required(body);
        hosts.transfer(body.teamId(), body.hosts(), Actor.of(security));
        return Map.of();
    }

    @DELETE
    @Path("{id}")
    public Map<String, Object> delete(@PathParam("id") long id) {
        hosts.delete(id);
        return Map.of();
    }

    @POST
    @Path("{id}/refetch")
    public Map<String, Object> refetch(@PathParam("id") long id) {
        hosts.requestRefetch(id);
        return Map.of();
    }

    /** The host's My device URL, which an administrator can hand to the device's user. */
    @GET
    @Path("{id}/device_url")
    public DeviceUrlOut deviceUrl(@PathParam("id") long id) {
        String token = hosts.ensureDeviceToken(id);
        String base = settings.current().serverUrl();
        if (base == null) base = config.serverUrl().orElse("");
        return new DeviceUrlOut(id, token, base + "/device/" + token);
    }
}
