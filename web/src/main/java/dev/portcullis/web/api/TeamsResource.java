package dev.portcullis.web.api;

import dev.portcullis.problem.Refusal;
import dev.portcullis.team.TeamService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;

/** Teams and their enroll secrets. */
@Path("v1/fleet/teams")
@Authenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamsResource {

    public record Integrations(Boolean conditionalAccessEnabled) {
    }

    public record TeamJson(long id, String name, String description, long hostCount, List<SecretJson> secrets,
                           Integrations integrations) {

        static TeamJson of(TeamService.TeamDetail d) {
            return new TeamJson(d.team().id(), d.team().name(), d.team().description(), d.hostCount(),
                    SecretJson.of(d.secrets()), new Integrations(d.team().conditionalAccessEnabled()));
        }
    }

    public record TeamIn(String name, String description, List<SecretJson.In> secrets, Integrations integrations) {
    }

    public record TeamOut(TeamJson team) {
    }

    public record TeamsOut(List<TeamJson> teams) {
    }

    public record SecretsIn(List<SecretJson.In> secrets) {
    }

    public record SecretsOut(List<SecretJson> secrets) {
    }

    @Inject
    private TeamService teams;

    @POST
    public TeamOut create(TeamIn body, @Context SecurityContext security) {
        Bodies.required(body);
        boolean ca = body.integrations() != null && Boolean.TRUE.equals(body.integrations().conditionalAccessEnabled());
        return new TeamOut(TeamJson.of(teams.create(body.name(), body.description(), SecretJson.values(body.secrets()),
                ca, Actor.of(security))));
    }

    @GET
    public TeamsOut list() {
        return new TeamsOut(teams.list().stream().map(TeamJson::of).toList());
    }

    @GET
    @Path("{id}")
    public TeamOut get(@PathParam("id") long id) {
        return new TeamOut(TeamJson.of(teams.get(id)));
    }

    @PATCH
    @Path("{id}")
    public TeamOut update(@PathParam("id") long id, TeamIn body, @Context SecurityContext security) {
        Bodies.required(body);
        if (body.secrets() != null) {
            throw Refusal.invalid("secrets", "change a team's secrets with PATCH /api/v1/fleet/teams/{id}/secrets");
        }
        Boolean ca = body.integrations() == null ? null : body.integrations().conditionalAccessEnabled();
        return new TeamOut(TeamJson.of(teams.update(id,
                new TeamService.TeamChange(body.name(), body.description(), ca), Actor.of(security))));
    }

    @DELETE
    @Path("{id}")
    public Map<String, Object> delete(@PathParam("id") long id, @Context SecurityContext security) {
        teams.delete(id, Actor.of(security));
        return Map.of();
    }

    @GET
    @Path("{id}/secrets")
    public SecretsOut secrets(@PathParam("id") long id) {
        return new SecretsOut(SecretJson.of(teams.teamSecrets(id)));
    }

    @PATCH
    @Path("{id}/secrets")
    public SecretsOut replaceSecrets(@PathParam("id") long id, SecretsIn body, @Context SecurityContext security) {
        Bodies.required(body);
        if (body.secrets() == null) {
            throw Refusal.invalid("secrets", "secrets is required");
        }
        return new SecretsOut(SecretJson.of(teams.replaceTeamSecrets(id, SecretJson.values(body.secrets()),
                Actor.of(security))));
    }
}
