package dev.portcullis.settings;

import dev.portcullis.keys.KeyVault;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Tells the operator which URLs to use, once the server has finished booting and only if its
 * HTTP port is really ours: a port held by another process must never look like a ready server.
 */
@Singleton
@Startup
@DependsOn("KeyVault")
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());
    private static final long RETRY_MILLIS = 1000;
    private static final int MAX_ATTEMPTS = 120;

    @Inject
    private DeploymentConfig config;

    @EJB
    private OktaConnectionCache settings;

    @EJB
    private KeyVault keys;

    @Resource
    private TimerService timers;

    private int attempts;

    @PostConstruct
    void waitForBoot() {
        timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(null, false));
    }

    @Timeout
    void announceWhenRunning() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            String state = String.valueOf(server.getAttribute(new ObjectName("jboss.as:management-root=server"), "serverState"));
            if (!"running".equalsIgnoreCase(state)) {
                retry();
                return;
            }
            ObjectName http = new ObjectName("jboss.as:socket-binding-group=standard-sockets,socket-binding=http");
            String hostAndPort = server.getAttribute(http, "boundAddress") + ":" + server.getAttribute(http, "boundPort");
            if (!answersWithOurCa(hostAndPort)) {
                LOG.severe("Portcullis is NOT reachable at http://" + hostAndPort + ": WildFly could not open its HTTP "
                        + "port, or another process answers there. Stop that process, or start with another port "
                        + "offset, e.g. mvn install -Prun -Dportcullis.port.offset=100.");
                return;
            }
            announce(hostAndPort);
        } catch (JMException | RuntimeException notYet) {
            retry();
        }
    }

    /**
     * A listener that failed to bind leaves the server "running" with errors, and another
     * process may answer on the port. Only our own CA coming back from GetCACert proves the
     * port is ours.
     */
    private boolean answersWithOurCa(String hostAndPort) {
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI.create("http://" + hostAndPort
                    + "/api/fleet/conditional_access/scep?operation=GetCACert").toURL().openConnection();
            connection.setConnectTimeout(3000);
            connection.setReadTimeout(5000);
            try (var in = connection.getInputStream()) {
                return java.util.Arrays.equals(in.readNBytes(64 * 1024), keys.scepCa().certificate().getEncoded());
            } finally {
                connection.disconnect();
            }
        } catch (java.io.IOException | java.security.cert.CertificateEncodingException | IllegalArgumentException e) {
            return false;
        }
    }

    private void retry() {
        if (++attempts < MAX_ATTEMPTS) {
            timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(null, false));
        }
    }

    private void announce(String hostAndPort) {
        String http = "http://" + hostAndPort;
        String server = settings.current().serverUrl().orElse(null);
        StringBuilder text = new StringBuilder("\n==== Portcullis is ready ====\n")
                .append("  Local address:     ").append(http).append('\n')
                .append("  Admin console:     ").append(http).append("/admin/ (first run: create the administrator there)\n")
                .append("  First-run setup:   POST ").append(http).append("/api/v1/setup (the same, by API)\n")
                .append("  SCEP CA (DER):     ").append(http).append("/api/fleet/conditional_access/scep?operation=GetCACert\n")
                .append("  SCEP CA serial:    ").append(keys.scepCa().certificate().getSerialNumber().toString(16)).append('\n');
        if (server == null) {
            text.append("  Server URL:        not set; set PORTCULLIS_SERVER_URL or run setup with server_url\n");
        } else {
            text.append("  Server URL:        ").append(server).append('\n')
                .append("  IdP metadata:      ").append(server).append("/api/fleet/conditional_access/idp/metadata\n")
                .append("  IdP SSO (Okta):    ").append(config.ssoBaseUrlFor(server))
                .append("/api/fleet/conditional_access/idp/sso\n");
        }
        text.append("  Serial header:     X-Client-Cert-Serial, ").append(config.serialFormat().name().toLowerCase(Locale.ROOT))
            .append(", trusted from ").append(config.trustedProxies()).append('\n');
        LOG.info(text.toString());
    }
}
