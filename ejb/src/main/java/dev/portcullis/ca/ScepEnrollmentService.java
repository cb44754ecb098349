package dev.portcullis.ca;

import dev.portcullis.audit.ActivityLog;
import dev.portcullis.audit.ActivityType;
import dev.portcullis.ca.scep.CertRepWriter;
import dev.portcullis.ca.scep.FailInfo;
import dev.portcullis.ca.scep.MalformedScepMessageException;
import dev.portcullis.ca.scep.PkiMessageReader;
import dev.portcullis.ca.scep.PkiRequest;
import dev.portcullis.ca.scep.ScepRequestException;
import dev.portcullis.host.Host;
import dev.portcullis.keys.KeyVault;
import dev.portcullis.settings.DeploymentConfig;
import dev.portcullis.team.EnrollSecret;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A SCEP PKCSReq from a device: checks the challenge and the host, issues the client
 * certificate, records serial to host, and answers with a CertRep. Refusals are CertRep
 * FAILUREs, never exceptions to the client.
 */
@Stateless
public class ScepEnrollmentService {

    private static final Logger LOG = Logger.getLogger(ScepEnrollmentService.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    @EJB
    private KeyVault keys;

    @EJB
    private ScepChallengeService challenges;

    @EJB
    private ActivityLog activities;

    @Inject
    private DeploymentConfig config;

    private final PkiMessageReader reader = new PkiMessageReader();
    private final CertRepWriter writer = new CertRepWriter();
    private final ClientCertificateIssuer issuer = new ClientCertificateIssuer();

    public ScepReply enroll(byte[] message) {
        KeyPairAndCertificate ca = keys.scepCa();
        PkiRequest request;
        try {
            request = reader.read(message, ca);
        } catch (MalformedScepMessageException e) {
            return new ScepReply.Malformed(e.getMessage());
        } catch (StackOverflowError deeplyNested) {
            // Indefinite-length encodings nested thousands deep exhaust the ASN.1 parser's recursion.
            return new ScepReply.Malformed("The pkiMessage is not a CMS SignedData");
        } catch (ScepRequestException e) {
            LOG.info("SCEP request refused before issuance: " + e.failInfo() + ": " + e.getMessage());
            if (!e.canBeAnswered()) {
                return new ScepReply.Malformed(e.getMessage());
            }
            return new ScepReply.CertRep(writer.failure(e, ca), false);
        }
        try {
            return issueFor(request, ca);
        } catch (Refusal refusal) {
            LOG.info("SCEP enrollment refused (transaction " + request.transactionId() + "): " + refusal.getMessage());
            return new ScepReply.CertRep(writer.failure(request, refusal.failInfo, ca), false);
        }
    }

    private ScepReply issueFor(PkiRequest request, KeyPairAndCertificate ca) throws Refusal {
        PKCS10CertificationRequest csr = request.csr();
        String uuid = ClientCertificateIssuer.deviceUuid(csr)
                .orElseThrow(() -> new Refusal(FailInfo.BAD_REQUEST, "the CSR has no urn:device:apple:uuid SAN URI"));
        String challenge = ClientCertificateIssuer.challengePassword(csr)
                .orElseThrow(() -> new Refusal(FailInfo.BAD_REQUEST, "the CSR has no challenge password"));
        List<Host> found = em.createNamedQuery("Host.byUuid", Host.class)
                .setParameter("uuid", Host.normaliseUuid(uuid)).getResultList();
        if (found.isEmpty()) {
            throw new Refusal(FailInfo.BAD_REQUEST, "no enrolled host has hardware UUID " + uuid);
        }
        // Serialise enrollments of one host, so the cooldown holds under concurrent requests.
        Host host = em.find(Host.class, found.get(0).id(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        Optional<Duration> wait = cooldownLeft(host, now);
        if (wait.isPresent()) {
            return new ScepReply.TooSoon(Math.max(1, wait.get().toSeconds()));
        }
        if (!challengeAccepted(challenge, now)) {
            throw new Refusal(FailInfo.BAD_REQUEST, "the challenge password is wrong, expired or already used");
        }
        CertificateSerial serial = CertificateSerial.random(RANDOM);
        X509Certificate issued = issuer.issue(csr, ca, serial, now);
        try {
            em.persist(new IssuedCertificate(serial.hex(), host.id(), issued.getSubjectX500Principal().getName(),
                    issued.getNotBefore().toInstant(), issued.getNotAfter().toInstant(), now, issued.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the issued certificate", e);
        }
        int revoked = em.createNamedQuery("IssuedCertificate.revokeLiveForHost")
                .setParameter("now", now).setParameter("hostId", host.id()).setParameter("keep", serial.hex())
                .executeUpdate();
        activities.record(ActivityType.ISSUED_CERTIFICATE, null, Json.createObjectBuilder()
                .add("host_id", host.id()).add("serial", serial.hex()).add("revoked_previous", revoked).build());
        LOG.info("Issued certificate " + serial.hex() + " to host " + host.id() + (revoked > 0 ? ", revoked " + revoked + " older" : ""));
        return new ScepReply.CertRep(writer.success(request, issued, ca), true);
    }

    private Optional<Duration> cooldownLeft(Host host, Instant now) {
        Instant last = em.createNamedQuery("IssuedCertificate.lastForHost", Instant.class)
                .setParameter("hostId", host.id()).getSingleResult();
        if (last == null) {
            return Optional.empty();
        }
        Instant allowedAt = last.plus(config.scepCooldown());
        return now.isBefore(allowedAt) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
    }

    /** An enroll secret (global or any team's) is reusable; a minted challenge is used up here. */
    private boolean challengeAccepted(String challenge, Instant now) {
        boolean isEnrollSecret = !em.createNamedQuery("EnrollSecret.bySecret", EnrollSecret.class)
                .setParameter("secret", challenge).setMaxResults(1).getResultList().isEmpty();
        return isEnrollSecret || challenges.consume(challenge, now);
    }

    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final FailInfo failInfo;

        Refusal(FailInfo failInfo, String reason) {
            super(reason, null, false, false);
            this.failInfo = failInfo;
        }
    }
}
