package dev.portcullis.web.api;

import dev.portcullis.team.TeamService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;

/** The global enroll secrets, as Fleet's enroll secret spec. */
@Path("v1/fleet/spec/enroll_secret")
@Authenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnrollSecretsResource {

    public record Spec(List<SecretJson> secrets) {
    }

    public record SpecIn(List<SecretJson.In> secrets) {
    }

    public record SpecOut(Spec spec) {
    }

    public record ApplyIn(SpecIn spec) {
    }

    @Inject
    private TeamService teams;

    @GET
    public SpecOut get() {
        return new SpecOut(new Spec(SecretJson.of(teams.globalSecrets())));
    }

    @POST
    public Map<String, Object> apply(ApplyIn body, @Context SecurityContext security) {
        Bodies.required(body);
        if (body.spec() == null || body.spec().secrets() == null) {
            throw dev.portcullis.problem.Refusal.invalid("secrets", "spec.secrets is required");
        }
        teams.replaceGlobalSecrets(SecretJson.values(body.spec().secrets()), Actor.of(security));
        return Map.of();
    }
}
