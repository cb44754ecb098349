package dev.portcullis.web.api;

import dev.portcullis.policy.PolicyService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Policies that apply to every host. */
@Path("v1/fleet/global/policies")
@Authenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GlobalPoliciesResource {

    @Inject
    private PolicyService policies;

    @POST
    public PolicyJson.One create(PolicyJson.In body, @Context SecurityContext security) {
        return new PolicyJson.One(PolicyJson.of(policies.create(null, Bodies.required(body).draft(), Actor.of(security))));
    }

    @GET
    public PolicyJson.Many list() {
        return PolicyJson.of(policies.list(null));
    }

    @GET
    @Path("{id}")
    public PolicyJson.One get(@PathParam("id") long id) {
        return new PolicyJson.One(PolicyJson.of(policies.get(null, id)));
    }

    @PATCH
    @Path("{id}")
    public PolicyJson.One update(@PathParam("id") long id, PolicyJson.In body, @Context SecurityContext security) {
        return new PolicyJson.One(PolicyJson.of(policies.update(null, id, Bodies.required(body).draft(),
                Actor.of(security))));
    }

    @POST
    @Path("delete")
    public PolicyJson.Deleted delete(PolicyJson.DeleteIn body, @Context SecurityContext security) {
        return new PolicyJson.Deleted(policies.delete(null, Bodies.required(body).ids(), Actor.of(security)));
    }
}
