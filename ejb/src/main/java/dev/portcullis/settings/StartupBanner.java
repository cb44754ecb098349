package dev.portcullis.settings;

import dev.portcullis.keys.KeyVault;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Tells the operator, once the keys are ready, which URLs to use. */
@Singleton
@Startup
@DependsOn("KeyVault")
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

    @Inject
    private DeploymentConfig config;

    @EJB
    private OktaConnectionCache settings;

    @EJB
    private KeyVault keys;

    @PostConstruct
    void announce() {
        String http = "http://" + System.getProperty("jboss.bind.address", "127.0.0.1") + ":"
                + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0));
        String server = settings.current().serverUrl().orElse(null);
        StringBuilder text = new StringBuilder("\n==== Portcullis is ready ====\n")
                .append("  Local address:     ").append(http).append('\n')
                .append("  First-run setup:   POST ").append(http).append("/api/v1/setup\n")
                .append("  SCEP CA (DER):     ").append(http).append("/api/fleet/conditional_access/scep?operation=GetCACert\n")
                .append("  SCEP CA serial:    ").append(keys.scepCa().certificate().getSerialNumber().toString(16)).append('\n');
        if (server == null) {
            text.append("  Server URL:        not set; set PORTCULLIS_SERVER_URL or run setup with server_url\n");
        } else {
            String sso = config.ssoBaseUrlFor(server);
            text.append("  Server URL:        ").append(server).append('\n')
                .append("  IdP metadata:      ").append(server).append("/api/fleet/conditional_access/idp/metadata\n")
                .append("  IdP SSO (Okta):    ").append(sso).append("/api/fleet/conditional_access/idp/sso\n");
        }
        text.append("  Serial header:     X-Client-Cert-Serial, ").append(config.serialFormat().name().toLowerCase())
            .append(", trusted from ").append(config.trustedProxies()).append('\n');
        LOG.info(text.toString());
    }
}
