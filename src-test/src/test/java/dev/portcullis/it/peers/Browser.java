package dev.portcullis.it.peers;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The end user's browser on the Mac: presents the device's client certificate to the mTLS
 * proxy, trusts the proxy's server certificate, and does not follow redirects so tests can
 * see them.
 */
public final class Browser {

    private final HttpClient http;

    public Browser(PrivateKey clientKey, X509Certificate clientCert, Path proxyServerCert) throws Exception {
        this(clientKey, clientCert, trustOnly(proxyServerCert));
    }

    /**
     * For WildFly's own mTLS listener, reached as localhost, which serves its generated self-signed "localhost"
     * certificate: the client certificate is what the test is about, not the server's.
     */
    public static Browser trustingAnyServer(PrivateKey clientKey, X509Certificate clientCert) throws Exception {
        return new Browser(clientKey, clientCert, new TrustManager[]{new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }});
    }

    private static TrustManager[] trustOnly(Path proxyServerCert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (var in = Files.newInputStream(proxyServerCert)) {
            trust.setCertificateEntry("proxy", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return tmf.getTrustManagers();
    }

    private Browser(PrivateKey clientKey, X509Certificate clientCert, TrustManager[] trustManagers) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("device", clientKey, "x".toCharArray(), new Certificate[]{clientCert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "x".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), trustManagers, null);
        http = HttpClient.newBuilder().sslContext(tls).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The HTTP-POST binding: the form Okta's page auto-submits to the IdP. */
    public HttpResponse<String> postForm(String url, String samlRequest, String relayState) throws Exception {
        String body = "SAMLRequest=" + URLEncoder.encode(samlRequest, StandardCharsets.UTF_8)
                + (relayState == null ? "" : "&RelayState=" + URLEncoder.encode(relayState, StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a hidden input in our auto-post form, HTML-unescaped. */
    public static String formField(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"\\s+value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            Matcher alt = Pattern.compile("value=\"([^\"]*)\"\\s+name=\"" + Pattern.quote(name) + "\"").matcher(html);
            if (!alt.find()) {
                return null;
            }
            return unescape(alt.group(1));
        }
        return unescape(m.group(1));
    }

    public static String formAction(String html) {
        Matcher m = Pattern.compile("<form[^>]*action=\"([^\"]*)\"").matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#x2F;", "/").replace("&#47;", "/").replace("&#x3D;", "=").replace("&#43;", "+")
                .replace("&amp;", "&");
    }
}
