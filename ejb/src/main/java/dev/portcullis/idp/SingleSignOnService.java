package dev.portcullis.idp;

import dev.portcullis.access.AccessDecision;
import dev.portcullis.access.AccessDecisionService;
import dev.portcullis.audit.SignInOutcome;
import dev.portcullis.audit.SignInRecord;
import dev.portcullis.ca.CertificateSerial;
import dev.portcullis.ca.KeyPairAndCertificate;
import dev.portcullis.idp.saml.AuthnRequestReader;
import dev.portcullis.idp.saml.AuthnRequestRules;
import dev.portcullis.idp.saml.ReceivedAuthnRequest;
import dev.portcullis.idp.saml.SamlRequestException;
import dev.portcullis.idp.saml.SamlResponseBuilder;
import dev.portcullis.keys.KeyVault;
import dev.portcullis.policy.Policy;
import dev.portcullis.settings.DeploymentConfig;
import dev.portcullis.settings.OktaConnection;
import dev.portcullis.settings.OktaConnectionCache;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One sign-in from Okta, whatever the binding: read and check the AuthnRequest, find the
 * device by its certificate, decide, and answer. Every attempt is recorded.
 */
@Stateless
public class SingleSignOnService {

    private static final Logger LOG = Logger.getLogger(SingleSignOnService.class.getName());
    private static final AuthnRequestReader READER = new AuthnRequestReader();

    @PersistenceContext
    private EntityManager em;

    @EJB
    private OktaConnectionCache settingsCache;

    @EJB
    private AccessDecisionService decisions;

    @EJB
    private ReplayGuard replayGuard;

    @EJB
    private KeyVault keys;

    @Inject
    private DeploymentConfig config;

    public SsoOutcome signIn(SsoRequest sso) {
        OktaConnection settings = settingsCache.current();
        if (settings.serverUrl().isEmpty() || !settings.connected()) {
            return new SsoOutcome.NotConfigured("Okta conditional access is not configured on this server.");
        }
        IdpEndpoints endpoints = endpoints(settings.serverUrl().get());
        Instant now = Instant.now();

        ReceivedAuthnRequest request;
        try {
            request = readAndCheck(sso, settings, endpoints, now);
        } catch (SamlRequestException e) {
            record(null, null, SignInOutcome.REQUEST_ERROR, List.of(), e.getMessage(), now);
            return new SsoOutcome.RequestError(e.getMessage());
        } catch (StackOverflowError deeplyNested) {
            // XML nested thousands deep exhausts the unmarshaller's recursion: malformed, not a server fault.
            record(null, null, SignInOutcome.REQUEST_ERROR, List.of(), "AuthnRequest is nested too deeply", now);
            return new SsoOutcome.RequestError("AuthnRequest is nested too deeply");
        }
        String relayState = sso.binding() == SsoRequest.Binding.POST ? sso.relayState() : request.relayState();

        CertificateSerial serial;
        try {
            serial = serialOf(sso.serial());
        } catch (IllegalArgumentException e) {
            record(null, request.nameId(), SignInOutcome.CERTIFICATE_ERROR, List.of(), e.getMessage(), now);
            return new SsoOutcome.CertificateError(e.getMessage());
        }

        AccessDecision decision = decisions.decide(serial, settings, now);
        if (decision instanceof AccessDecision.CertificateProblem problem) {
            record(problem.hostId(), request.nameId(), SignInOutcome.CERTIFICATE_ERROR, List.of(), problem.reason(), now);
            return new SsoOutcome.CertificateError(problem.reason());
        }
        if (decision instanceof AccessDecision.Blocked blocked) {
            record(blocked.hostId(), request.nameId(), SignInOutcome.BLOCKED, blocked.failingPolicies(), blocked.reason(), now);
            return new SsoOutcome.RedirectToDevice(endpoints.devicePoliciesUrl(blocked.deviceToken()),
                    blocked.failingPolicies().stream().map(Policy::name).toList());
        }
        AccessDecision.Allowed allowed = (AccessDecision.Allowed) decision;
        String nameId = request.nameId() != null && !request.nameId().isBlank() ? request.nameId() : "host-" + allowed.hostId();
        KeyPairAndCertificate signing = keys.idpSigning();
        String response = new SamlResponseBuilder()
                .inResponseTo(request.id())
                .nameId(nameId)
                .issuer(endpoints.entityId())
                .audience(settings.audienceUri())
                .acsUrl(settings.assertionConsumerServiceUrl())
                .now(now)
                .signWith(signing.privateKey(), signing.certificate())
                .build()
                .base64();
        record(allowed.hostId(), nameId, allowed.byBypass() ? SignInOutcome.ALLOWED_BY_BYPASS : SignInOutcome.ALLOWED,
                allowed.failingPolicies(), allowed.byBypass() ? "bypass consumed" : "all gating policies pass", now);
        return new SsoOutcome.PostToAcs(settings.assertionConsumerServiceUrl(), response, relayState);
    }

    public IdpEndpoints endpoints(String serverUrl) {
        return IdpEndpoints.of(serverUrl, config.ssoBaseUrlFor(serverUrl));
    }

    private ReceivedAuthnRequest readAndCheck(SsoRequest sso, OktaConnection settings, IdpEndpoints endpoints,
                                              Instant now) throws SamlRequestException {
        ReceivedAuthnRequest request = switch (sso.binding()) {
            case POST -> {
                if (sso.samlRequest() == null || sso.samlRequest().isBlank()) {
                    throw new SamlRequestException("missing SAMLRequest");
                }
                yield READER.readPost(sso.samlRequest());
            }
            case REDIRECT -> READER.readRedirect(sso.rawQuery());
        };
        if (settings.oktaCertificate().isPresent()) {
            request.verifySignature(settings.oktaCertificate().get());
        }
        AuthnRequestRules.check(request, settings.audienceUri(), endpoints.ssoUrl(),
                settings.assertionConsumerServiceUrl(), now, config.clockSkew());
        if (request.id() == null || request.id().isBlank() || request.id().length() > 256) {
            throw new SamlRequestException("AuthnRequest has no usable ID");
        }
        boolean first;
        try {
            first = replayGuard.firstUse(request.id(), request.issueInstant().plus(config.clockSkew()).plus(config.clockSkew()));
        } catch (EJBException raced) {
            first = false;
        }
        if (!first) {
            throw new SamlRequestException("AuthnRequest ID was already used (replay)");
        }
        return request;
    }

    private CertificateSerial serialOf(ClientSerial serial) {
        if (serial instanceof ClientSerial.FromTls tls) {
            return CertificateSerial.of(tls.serial());
        }
        if (serial instanceof ClientSerial.FromProxyHeader header) {
            try {
                return CertificateSerial.parse(header.text(), config.serialFormat());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the client certificate serial from the proxy could not be read ("
                        + config.serialFormat().name().toLowerCase(java.util.Locale.ROOT) + " expected)");
            }
        }
        throw new IllegalArgumentException(((ClientSerial.Missing) serial).why());
    }

    private void record(Long hostId, String nameId, SignInOutcome outcome, List<Policy> failing, String reason,
                        Instant now) {
        String ids = failing.stream().map(p -> String.valueOf(p.id())).collect(Collectors.joining(","));
        em.persist(new SignInRecord(hostId, nameId, outcome, ids.isEmpty() ? null : ids, reason, now));
        LOG.info("Sign-in " + outcome + (hostId == null ? "" : " host " + hostId) + ": " + reason);
    }
}
