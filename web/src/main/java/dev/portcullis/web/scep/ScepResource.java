package dev.portcullis.web.scep;

import dev.portcullis.ca.ScepEnrollmentService;
import dev.portcullis.ca.ScepReply;
import dev.portcullis.ca.scep.ScepCaCertificates;
import dev.portcullis.ca.scep.ScepCapabilities;
import dev.portcullis.keys.KeyVault;
import dev.portcullis.web.common.BoundedBody;
import dev.portcullis.web.common.RawQuery;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Optional;

/** SCEP (RFC 8894) at Fleet's path: GetCACaps, GetCACert, and PKIOperation by POST and GET. */
@Path("/fleet/conditional_access/scep")
public class ScepResource {

    /** A PKCSReq with a 4096-bit key is a few kilobytes; anything near this limit is not SCEP. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    static final String PKI_MESSAGE = "application/x-pki-message";

    @EJB
    private ScepEnrollmentService enrollment;

    @EJB
    private KeyVault keys;

    @GET
    public Response get(@Context UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        Optional<String> operation = RawQuery.value(query, "operation");
        if (operation.isEmpty()) {
            return badRequest("missing operation parameter");
        }
        return switch (operation.get()) {
            case "GetCACaps" -> Response.ok(ScepCapabilities.text(), ScepCapabilities.MEDIA_TYPE).build();
            case "GetCACert" -> Response.ok(ScepCaCertificates.body(keys.scepCa().certificate()),
                    ScepCaCertificates.MEDIA_TYPE).build();
            case "PKIOperation" -> pkiOperationByGet(query);
            default -> badRequest("unsupported operation " + printable(operation.get()));
        };
    }

    @POST
    public Response post(@Context UriInfo uri, InputStream body) {
        String operation = RawQuery.value(uri.getRequestUri().getRawQuery(), "operation").orElse("");
        if (!operation.equals("PKIOperation")) {
            return badRequest("POST supports only operation=PKIOperation");
        }
        byte[] message;
        try {
            message = BoundedBody.read(body, MAX_MESSAGE_BYTES);
        } catch (BoundedBody.TooLarge e) {
            return badRequest(e.getMessage());
        } catch (IOException e) {
            return badRequest("could not read the request body");
        }
        return pkiOperation(message);
    }

    private Response pkiOperationByGet(String query) {
        Optional<String> encoded = RawQuery.value(query, "message");
        if (encoded.isEmpty() || encoded.get().isBlank()) {
            return badRequest("missing message parameter");
        }
        if (encoded.get().length() > MAX_MESSAGE_BYTES * 4 / 3 + 4) {
            return badRequest("message parameter is too large");
        }
        try {
            return pkiOperation(Base64.getMimeDecoder().decode(encoded.get().replace(' ', '+')));
        } catch (IllegalArgumentException e) {
            return badRequest("message parameter is not base64");
        }
    }

    private Response pkiOperation(byte[] message) {
        if (message.length == 0) {
            return badRequest("empty PKIOperation message");
        }
        ScepReply reply = enrollment.enroll(message);
        if (reply instanceof ScepReply.CertRep rep) {
            return Response.ok(rep.der(), PKI_MESSAGE).build();
        }
        if (reply instanceof ScepReply.TooSoon soon) {
            return Response.status(429).header("Retry-After", soon.retryAfterSeconds())
                    .entity("certificate requested too recently; retry later\n").type(MediaType.TEXT_PLAIN).build();
        }
        return badRequest(((ScepReply.Malformed) reply).reason());
    }

    private static Response badRequest(String reason) {
        return Response.status(Response.Status.BAD_REQUEST).entity(reason + "\n").type(MediaType.TEXT_PLAIN).build();
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) : s;
        return cut.replaceAll("[^A-Za-z0-9_-]", "?");
    }
}
