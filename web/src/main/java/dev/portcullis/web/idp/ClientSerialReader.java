package dev.portcullis.web.idp;

import dev.portcullis.idp.ClientSerial;
import dev.portcullis.settings.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.logging.Logger;

/**
 * Finds the serial of the client certificate behind a sign-in. The TLS session wins when this
 * server terminated mTLS itself; otherwise the proxy header counts only from a trusted address.
 */
final class ClientSerialReader {

    static final String SERIAL_HEADER = "X-Client-Cert-Serial";
    private static final Logger LOG = Logger.getLogger(ClientSerialReader.class.getName());

    private ClientSerialReader() {
    }

    static ClientSerial read(HttpServletRequest http, TrustedProxies proxies, X509Certificate ca) {
        Object chain = http.getAttribute("jakarta.servlet.request.X509Certificate");
        if (chain instanceof X509Certificate[] certificates && certificates.length > 0) {
            X509Certificate client = certificates[0];
            try {
                client.verify(ca.getPublicKey());
                return new ClientSerial.FromTls(client.getSerialNumber());
            } catch (GeneralSecurityException notOurs) {
                return new ClientSerial.Missing("the client certificate was not issued by this server's CA");
            }
        }
        String header = http.getHeader(SERIAL_HEADER);
        if (header == null || header.isBlank()) {
            return new ClientSerial.Missing("no client certificate was presented");
        }
        String remote = http.getRemoteAddr();
        if (!proxies.trusts(remote)) {
            LOG.warning("Ignored " + SERIAL_HEADER + " from " + remote + ", which is not a trusted proxy address");
            return new ClientSerial.Missing("no client certificate was presented through the mTLS proxy");
        }
        return new ClientSerial.FromProxyHeader(header.strip());
    }
}
