package dev.portcullis.web.console;

import dev.portcullis.settings.OktaConnectionCache;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.net.URI;
import java.util.Optional;

/**
 * What the Enroll secrets page fills into the osquery flags. osquery talks only TLS, so its
 * --tls_hostname is the host and port of the configured (https) server URL, not the address this
 * page happens to be served from.
 */
@Named
@RequestScoped
public class AgentFlags {

    @EJB
    private OktaConnectionCache connection;

    private Optional<String> tlsHostname;

    /** host[:port] of the server URL, or empty while no server URL is set. */
    public String getTlsHostname() {
        if (tlsHostname == null) {
            tlsHostname = connection.current().serverUrl().map(AgentFlags::hostAndPort);
        }
        return tlsHostname.orElse("");
    }

    private static String hostAndPort(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() == null ? "" : uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
