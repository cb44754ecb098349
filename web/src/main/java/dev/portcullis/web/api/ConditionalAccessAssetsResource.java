package dev.portcullis.web.api;

import dev.portcullis.ca.CertificatePem;
import dev.portcullis.ca.ScepChallengeService;
import dev.portcullis.keys.KeyVault;
import dev.portcullis.profile.AppleUserScopeProfile;
import dev.portcullis.profile.ProfileService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What an administrator hands to Okta and to the MDM: the IdP signing certificate, the SCEP CA
 * certificate, and single-use SCEP challenges.
 */
@Path("v1/fleet/conditional_access")
@Authenticated
@RequestScoped
public class ConditionalAccessAssetsResource {

    @EJB
    private KeyVault keys;

    @EJB
    private ScepChallengeService challenges;

    @EJB
    private ProfileService profiles;

    @Context
    private SecurityContext security;

    /** A minted challenge as listed later: an id from its digest, never the value. */
    public record ChallengeJson(String id, Instant createdAt, Instant expiresAt, Instant usedAt) {
    }

    public record ChallengesOut(List<ChallengeJson> challenges) {
    }

    /** Step 2 of the setup guide: the user-scope profile the MDM deploys to the Macs. */
    @GET
    @Path("idp/apple/profile")
    public Response appleProfile() {
        return Response.ok(profiles.appleUserScopeProfile(), "application/x-apple-aspen-config")
                .header("Content-Disposition", "attachment; filename=\"" + AppleUserScopeProfile.FILE_NAME + "\"")
                .build();
    }

    /** Step 1 of the setup guide: the certificate Okta verifies our Responses with. */
    @GET
    @Path("idp/signing_cert")
    public Response idpSigningCertificate() {
        return Response.ok(CertificatePem.of(keys.idpSigning().certificate()), "application/x-pem-file")
                .header("Content-Disposition", "attachment; filename=\"portcullis-idp-signing.crt\"").build();
    }

    /** The mTLS proxy's trust anchor, in PEM; GetCACert gives the same certificate in DER. */
    @GET
    @Path("scep/ca_cert")
    public Response scepCaCertificate() {
        return Response.ok(CertificatePem.of(keys.scepCa().certificate()), "application/x-pem-file")
                .header("Content-Disposition", "attachment; filename=\"portcullis-scep-ca.pem\"").build();
    }

    /** A challenge valid once, for MDMs that put a per-host value in the SCEP payload. Shown only here. */
    @POST
    @Path("scep/challenges")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject mintChallenge(@QueryParam("ttl_seconds") Long ttlSeconds) {
        long ttl = ttlSeconds == null ? 3600 : ttlSeconds;
        var minted = challenges.mint(Duration.ofSeconds(ttl), Actor.of(security));
        return Json.createObjectBuilder().add("challenge", minted.challenge())
                .add("expires_at", minted.expiresAt().toString()).build();
    }

    /** The minted challenges, newest first, with when each was used; the values themselves are gone. */
    @GET
    @Path("scep/challenges")
    @Produces(MediaType.APPLICATION_JSON)
    public ChallengesOut listChallenges(@QueryParam("per_page") @DefaultValue("100") int perPage) {
        return new ChallengesOut(challenges.list(Math.max(1, Math.min(perPage, 1000))).stream()
                .map(c -> new ChallengeJson(c.id(), c.createdAt(), c.expiresAt(), c.usedAt())).toList());
    }
}
