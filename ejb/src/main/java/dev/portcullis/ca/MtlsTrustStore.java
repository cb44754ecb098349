package dev.portcullis.ca;

import dev.portcullis.keys.KeyVault;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Keeps WildFly's own mTLS listener trusting exactly the SCEP CA: writes the CA certificate to
 * the trust store the listener reads (see wildfly-config) and has Elytron reload it, so the
 * first start works without a restart and a replaced CA is picked up.
 */
@Singleton
@Startup
@DependsOn("KeyVault")
public class MtlsTrustStore {

    private static final Logger LOG = Logger.getLogger(MtlsTrustStore.class.getName());
    static final String KEY_STORE = "portcullisMtlsTrust";
    static final char[] PASSWORD = "portcullis-public-trust".toCharArray();

    private static final long RETRY_MILLIS = 2000;
    private static final int MAX_RELOAD_ATTEMPTS = 30;

    @EJB
    private KeyVault keys;

    @Resource
    private TimerService timers;

    private int reloadAttempts;

    @PostConstruct
    void synchronise() {
        String dataDir = System.getProperty("jboss.server.data.dir");
        if (dataDir == null) {
            return;
        }
        Path file = Path.of(dataDir, "portcullis", "mtls-trust.p12");
        try {
            X509Certificate ca = keys.scepCa().certificate();
            if (holdsOnly(file, ca)) {
                return;
            }
            write(file, ca);
            // The management model is not reachable while the server is still booting: reload just after.
            timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(null, false));
        } catch (IOException | GeneralSecurityException e) {
            LOG.warning("Could not update the mTLS listener's trust store (" + e.getMessage()
                    + "); restart the server to make WildFly's mTLS listener trust the SCEP CA");
        }
    }

    @Timeout
    void reloadWhenReady(Timer timer) {
        try {
            reloadElytron();
            LOG.info("WildFly's mTLS listener now trusts the Portcullis SCEP CA");
        } catch (JMException e) {
            if (++reloadAttempts < MAX_RELOAD_ATTEMPTS) {
                timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(null, false));
            } else {
                LOG.warning("Could not reload the mTLS trust store (" + e.getMessage()
                        + "); restart the server to make WildFly's mTLS listener trust the SCEP CA");
            }
        }
    }

    private static boolean holdsOnly(Path file, X509Certificate ca) throws IOException, GeneralSecurityException {
        if (!Files.exists(file)) {
            return false;
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        if (store.size() != 1) {
            return false;
        }
        var existing = store.getCertificate(store.aliases().nextElement());
        return existing != null && Arrays.equals(existing.getEncoded(), ca.getEncoded());
    }

    private static void write(Path file, X509Certificate ca) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("portcullis-scep-ca", ca);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, PASSWORD);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "mtls-trust", ".tmp");
        Files.write(temp, bytes.toByteArray());
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The management model is exposed over in-VM JMX; load re-reads the file, init rebuilds the trust manager. */
    private static void reloadElytron() throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        server.invoke(new ObjectName("jboss.as:subsystem=elytron,key-store=" + KEY_STORE), "load",
                new Object[0], new String[0]);
        server.invoke(new ObjectName("jboss.as:subsystem=elytron,trust-manager=" + KEY_STORE), "init",
                new Object[0], new String[0]);
    }
}
