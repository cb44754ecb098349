package dev.portcullis.web.api;

import dev.portcullis.host.DeviceService;
import dev.portcullis.host.Host;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the device's user reaches with the host's device token; no bearer token here. */
@Path("v1/fleet/device/{token}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    public record PoliciesOut(List<PolicyJson.OnHost> policies) {
    }

    /** The device's own host: what its user may see, never keys, tokens or other hosts. */
    public record DeviceHostJson(long id, String uuid, String hostname, String displayName, String platform,
                                 String osVersion, Long teamId, Instant seenTime, Instant policyUpdatedAt,
                                 boolean refetchRequested, boolean bypassPending, List<PolicyJson.OnHost> policies) {
    }

    public record DeviceOut(DeviceHostJson host) {
    }

    @Inject
    private DeviceService devices;

    @GET
    public DeviceOut host(@PathParam("token") String token) {
        DeviceService.DeviceView view = devices.view(token);
        Host h = view.host();
        return new DeviceOut(new DeviceHostJson(h.id(), h.hardwareUuid(), h.hostname(), h.hostname(), h.platform(),
                h.osVersion(), h.teamId(), h.seenAt(), h.policyUpdatedAt(), h.refetchRequested(), h.bypassPending(),
                PolicyJson.OnHost.of(view.policies())));
    }

    @GET
    @Path("policies")
    public PoliciesOut policies(@PathParam("token") String token) {
        return new PoliciesOut(PolicyJson.OnHost.of(devices.policies(token)));
    }

    @POST
    @Path("refetch")
    public Map<String, Object> refetch(@PathParam("token") String token) {
        devices.requestRefetch(token);
        return Map.of();
    }

    @POST
    @Path("bypass_conditional_access")
    public Map<String, Object> bypass(@PathParam("token") String token) {
        devices.requestBypass(token);
        return Map.of();
    }
}
