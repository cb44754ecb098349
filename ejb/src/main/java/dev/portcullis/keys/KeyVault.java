package dev.portcullis.keys;

import dev.portcullis.ca.CertificateAuthorityFactory;
import dev.portcullis.ca.KeyPairAndCertificate;
import dev.portcullis.settings.DeploymentConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The SCEP CA and the IdP signing identity, created on the first start and reused by every
 * later start and every node sharing the database. Loaded once and held in memory: the SSO and
 * SCEP paths never touch the database or decrypt a key for them.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeyVault {

    private static final Logger LOG = Logger.getLogger(KeyVault.class.getName());

    @Inject
    private DeploymentConfig config;

    @EJB
    private StoredKeyRepository repository;

    private volatile KeyPairAndCertificate scepCa;
    private volatile KeyPairAndCertificate idpSigning;

    @PostConstruct
    void load() {
        restrictDataDirectory();
        ServerKey serverKey = config.serverKey().map(ServerKey::fromBase64)
                .orElseGet(() -> ServerKey.fromFile(config.serverKeyFile()));
        scepCa = loadOrCreate(serverKey, KeyPurpose.SCEP_CA,
                now -> new CertificateAuthorityFactory().createScepCa("Portcullis conditional access CA", now));
        idpSigning = loadOrCreate(serverKey, KeyPurpose.IDP_SIGNING,
                now -> new CertificateAuthorityFactory().createSigningIdentity("Portcullis IdP signing", now));
    }

    /** The H2 files and the key file live here: nobody but the server's user reads them. */
    private static void restrictDataDirectory() {
        String dataDir = System.getProperty("jboss.server.data.dir");
        if (dataDir == null) {
            return;
        }
        java.nio.file.Path dir = java.nio.file.Path.of(dataDir, "portcullis");
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.setPosixFilePermissions(dir,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (java.io.IOException | UnsupportedOperationException e) {
            LOG.warning("Could not restrict permissions of " + dir + ": " + e.getMessage());
        }
    }

    public KeyPairAndCertificate scepCa() {
        return scepCa;
    }

    public KeyPairAndCertificate idpSigning() {
        return idpSigning;
    }

    private KeyPairAndCertificate loadOrCreate(ServerKey serverKey, KeyPurpose purpose,
                                               Function<Instant, KeyPairAndCertificate> create) {
        var stored = repository.find(purpose);
        if (stored.isEmpty()) {
            KeyPairAndCertificate fresh = create.apply(Instant.now());
            try {
                byte[] sealed = serverKey.encrypt(fresh.privateKey().getEncoded(), purpose.name());
                repository.insert(new StoredKey(purpose, fresh.certificate().getEncoded(), sealed, Instant.now()));
                LOG.info("Created the " + purpose + " key and certificate, serial "
                        + fresh.certificate().getSerialNumber().toString(16));
                return fresh;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot encode the new " + purpose + " certificate", e);
            } catch (RuntimeException raced) {
                // Another node stored its key first: use that one, so all nodes agree.
                stored = repository.find(purpose);
                if (stored.isEmpty()) {
                    throw raced;
                }
            }
        }
        return decode(serverKey, purpose, stored.get());
    }

    private static KeyPairAndCertificate decode(ServerKey serverKey, KeyPurpose purpose, StoredKey stored) {
        byte[] pkcs8 = serverKey.decrypt(stored.encryptedPrivateKey(), purpose.name());
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(stored.certificateDer()));
            PrivateKey key = KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new KeyPairAndCertificate(key, certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored " + purpose + " key or certificate is unreadable", e);
        } finally {
            java.util.Arrays.fill(pkcs8, (byte) 0);
        }
    }
}
