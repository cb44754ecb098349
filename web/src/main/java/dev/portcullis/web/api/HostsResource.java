package dev.portcullis.web.api;

import dev.portcullis.audit.SignInRecord;
import dev.portcullis.ca.IssuedCertificate;
import dev.portcullis.host.Host;
import dev.portcullis.host.HostSearch;
import dev.portcullis.host.HostService;
import dev.portcullis.problem.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.Locale;
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
                           Instant policyUpdatedAt, Instant detailUpdatedAt, boolean refetchRequested,
                           Instant createdAt) {

        static HostJson of(Host h) {
            return new HostJson(h.id(), h.hardwareUuid(), h.hostname(), h.hostname(), h.platform(), h.osVersion(),
                    h.teamId(), h.seenAt(), h.lastEnrolledAt(), h.policyUpdatedAt(), h.detailUpdatedAt(),
                    h.refetchRequested(), h.createdAt());
        }
    }

    public record HostDetailJson(long id, String uuid, String hostname, String displayName, String platform,
                                 String osVersion, Long teamId, Instant seenTime, Instant lastEnrolledAt,
                                 Instant policyUpdatedAt, Instant detailUpdatedAt, boolean refetchRequested,
                                 Instant createdAt,
                                 boolean bypassPending, List<PolicyJson.OnHost> policies,
                                 List<CertificateJson> conditionalAccessCertificates, List<SignInJson> signIns) {
    }

    /** A certificate issued to the host; {@code status} is valid, expired, revoked or not_yet_valid. */
    public record CertificateJson(String serial, Instant notValidBefore, Instant notValidAfter, String status) {

        static CertificateJson of(IssuedCertificate c, Instant now) {
            return new CertificateJson(c.serialHex(), c.notBefore(), c.notAfter(),
                    c.statusAt(now).name().toLowerCase(Locale.ROOT));
        }
    }

    public record SignInJson(Instant createdAt, String outcome, String reason, String nameId) {

        static SignInJson of(SignInRecord r) {
            return new SignInJson(r.createdAt(), r.outcome().name().toLowerCase(Locale.ROOT), r.reason(), r.nameId());
        }
    }

    public record HostsOut(List<HostJson> hosts) {
    }

    public record CountOut(long count) {
    }

    public record HostOut(HostDetailJson host) {
    }

    public record TransferIn(Long teamId, List<Long> hosts) {
    }

    public record DeviceUrlOut(long hostId, String deviceToken, String deviceUrl) {
    }

    @Inject
    private HostService hosts;

    /**
     * Fleet's host list. {@code team_id} absent: every host; 0: hosts in no team (Fleet's "No team");
     * else that team's. {@code page} counts from 0; {@code per_page} is at most
     * {@value HostService#MAX_PER_PAGE} (more is refused, never silently cut).
     */
    @GET
    public HostsOut list(@QueryParam("team_id") String teamId, @QueryParam("policy_id") String policyId,
                         @QueryParam("policy_response") String policyResponse, @QueryParam("query") String query,
                         @QueryParam("order_key") String orderKey, @QueryParam("order_direction") String orderDirection,
                         @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
        HostSearch search = HostListParams.search(teamId, policyId, policyResponse, query, orderKey, orderDirection);
        int pageNumber = HostListParams.page(page);
        int size = HostListParams.perPage(perPage);
        return new HostsOut(hosts.list(search, pageNumber, size).stream().map(HostJson::of).toList());
    }

    /** How many hosts the same filters match (paging and order are ignored, as in Fleet). */
    @GET
    @Path("count")
    public CountOut count(@QueryParam("team_id") String teamId, @QueryParam("policy_id") String policyId,
                          @QueryParam("policy_response") String policyResponse, @QueryParam("query") String query) {
        return new CountOut(hosts.count(HostListParams.search(teamId, policyId, policyResponse, query, null, null)));
    }

    @GET
    @Path("{id}")
    public HostOut get(@PathParam("id") long id) {
        HostService.HostDetail d = hosts.get(id);
        Host h = d.host();
        Instant now = Instant.now();
        return new HostOut(new HostDetailJson(h.id(), h.hardwareUuid(), h.hostname(), h.hostname(), h.platform(),
                h.osVersion(), h.teamId(), h.seenAt(), h.lastEnrolledAt(), h.policyUpdatedAt(), h.detailUpdatedAt(),
                h.refetchRequested(), h.createdAt(), h.bypassPending(), PolicyJson.OnHost.of(d.policies()),
                d.certificates().stream().map(c -> CertificateJson.of(c, now)).toList(),
                d.signIns().stream().map(SignInJson::of).toList()));
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
    public Map<String, Object> delete(@PathParam("id") long id, @Context SecurityContext security) {
        hosts.delete(id, Actor.of(security));
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
        HostService.DeviceLink link = hosts.deviceLink(id);
        return new DeviceUrlOut(id, link.token(), link.url());
    }
}
