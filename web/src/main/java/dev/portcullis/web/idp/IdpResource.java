package dev.portcullis.web.idp;

import dev.portcullis.idp.IdpEndpoints;
import dev.portcullis.idp.SingleSignOnService;
import dev.portcullis.idp.SsoOutcome;
import dev.portcullis.idp.SsoRequest;
import dev.portcullis.idp.saml.AutoPostForm;
import dev.portcullis.idp.saml.IdpMetadataWriter;
import dev.portcullis.keys.KeyVault;
import dev.portcullis.settings.DeploymentConfig;
import dev.portcullis.settings.OktaConnectionCache;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;

/** The SAML IdP Okta talks to: metadata, and SSO over the HTTP-POST and HTTP-Redirect bindings. */
@Path("/fleet/conditional_access/idp")
public class IdpResource {

    /** Only the form's own auto-submit script may run on the page that carries the Response. */
    private static final String SUBMIT_SCRIPT_HASH = "sha256-" + java.util.Base64.getEncoder().encodeToString(
            sha256(AutoPostForm.SUBMIT_SCRIPT));

    @EJB
    private SingleSignOnService sso;

    @EJB
    private OktaConnectionCache settings;

    @EJB
    private KeyVault keys;

    @Inject
    private DeploymentConfig config;

    @Context
    private HttpServletRequest http;

    @GET
    @Path("metadata")
    public Response metadata() {
        Optional<String> serverUrl = settings.current().serverUrl();
        if (serverUrl.isEmpty()) {
            return ErrorPages.page(Response.Status.NOT_FOUND, "IdP metadata is not available",
                    "The server URL is not configured yet. Set it during setup or in Settings.");
        }
        IdpEndpoints endpoints = sso.endpoints(serverUrl.get());
        String xml = new IdpMetadataWriter().write(endpoints.entityId(), keys.idpSigning().certificate(), endpoints.ssoUrl());
        return Response.ok(xml, "application/samlmetadata+xml").build();
    }

    @POST
    @Path("sso")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ssoPost(@FormParam("SAMLRequest") String samlRequest, @FormParam("RelayState") String relayState) {
        return answer(sso.signIn(SsoRequest.post(samlRequest, relayState, serial())));
    }

    @GET
    @Path("sso")
    public Response ssoRedirect(@Context UriInfo uri) {
        return answer(sso.signIn(SsoRequest.redirect(uri.getRequestUri().getRawQuery(), serial())));
    }

    private dev.portcullis.idp.ClientSerial serial() {
        return ClientSerialReader.read(http, config.trustedProxies(), keys.scepCa().certificate());
    }

    private static Response answer(SsoOutcome outcome) {
        if (outcome instanceof SsoOutcome.PostToAcs post) {
            return Response.ok(AutoPostForm.render(post.acsUrl(), post.samlResponseBase64(), post.relayState()),
                            MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Cache-Control", "no-store")
                    .header("Content-Security-Policy", "default-src 'none'; script-src '" + SUBMIT_SCRIPT_HASH
                            + "'; form-action " + originOf(post.acsUrl()))
                    .build();
        }
        if (outcome instanceof SsoOutcome.RedirectToDevice blocked) {
            return Response.seeOther(URI.create(blocked.url())).header("Cache-Control", "no-store").build();
        }
        if (outcome instanceof SsoOutcome.CertificateError error) {
            return ErrorPages.page(Response.Status.FORBIDDEN, "Your device's certificate was not accepted",
                    "Sign-in needs this device's Portcullis certificate, and " + error.reason() + ". "
                            + "Make sure the device is enrolled and its configuration profile is installed, then try "
                            + "again. If this keeps happening, contact your IT administrator.");
        }
        if (outcome instanceof SsoOutcome.NotConfigured nc) {
            return ErrorPages.page(Response.Status.NOT_FOUND, "Sign-in is not set up", nc.reason());
        }
        SsoOutcome.RequestError error = (SsoOutcome.RequestError) outcome;
        return ErrorPages.page(Response.Status.BAD_REQUEST, "The sign-in request was refused",
                "The request from the identity provider could not be accepted: " + error.reason()
                        + ". Start the sign-in again from your app.");
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
