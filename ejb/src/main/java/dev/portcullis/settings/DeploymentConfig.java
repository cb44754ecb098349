package dev.portcullis.settings;

import dev.portcullis.ca.SerialFormat;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Values fixed for a deployment, read once from system properties or the environment
 * (a system property wins). The README lists every one.
 */
public final class DeploymentConfig {

    private final String serverUrl;
    private final String ssoBaseUrl;
    private final SerialFormat serialFormat;
    private final TrustedProxies trustedProxies;
    private final String serverKey;
    private final Path serverKeyFile;
    private final Duration clockSkew;
    private final Duration scepCooldown;
    private final Duration policyUpdateInterval;
    private final Duration detailUpdateInterval;
    private final Duration sessionLifetime;
    private final Duration signInRetention;
    private final Duration deviceTokenTtl;
    private final Duration enrollCooldown;

    private DeploymentConfig(UnaryOperator<String> source) {
        this.serverUrl = trimSlash(read(source, "portcullis.server.url", "PORTCULLIS_SERVER_URL").orElse(null));
        this.ssoBaseUrl = trimSlash(read(source, "portcullis.sso.url", "PORTCULLIS_SSO_URL").orElse(null));
        this.serialFormat = parseSerialFormat(
                read(source, "portcullis.cert.serial.format", "PORTCULLIS_CERT_SERIAL_FORMAT")
                        .or(() -> Optional.ofNullable(source.apply("env:FLEET_CONDITIONAL_ACCESS_CERT_SERIAL_FORMAT")))
                        .orElse("hex"));
        this.trustedProxies = TrustedProxies.parse(
                read(source, "portcullis.trusted.proxies", "PORTCULLIS_TRUSTED_PROXIES").orElse("127.0.0.1,::1"));
        this.serverKey = read(source, "portcullis.server.key", "PORTCULLIS_SERVER_KEY").orElse(null);
        String dataDir = Optional.ofNullable(source.apply("jboss.server.data.dir")).orElse(".");
        this.serverKeyFile = Path.of(read(source, "portcullis.server.key.file", "PORTCULLIS_SERVER_KEY_FILE")
                .orElse(Path.of(dataDir, "portcullis", "server.key").toString()));
        this.clockSkew = Duration.ofSeconds(Long.parseLong(
                read(source, "portcullis.saml.clock.skew.seconds", "PORTCULLIS_SAML_CLOCK_SKEW_SECONDS").orElse("120")));
        this.scepCooldown = Duration.ofSeconds(Long.parseLong(
                read(source, "portcullis.scep.cooldown.seconds", "PORTCULLIS_SCEP_COOLDOWN_SECONDS").orElse("60")));
        this.policyUpdateInterval = Duration.ofSeconds(Long.parseLong(read(source,
                "portcullis.policy.update.interval.seconds", "PORTCULLIS_POLICY_UPDATE_INTERVAL_SECONDS").orElse("3600")));
        this.detailUpdateInterval = Duration.ofSeconds(Long.parseLong(read(source,
                "portcullis.detail.update.interval.seconds", "PORTCULLIS_DETAIL_UPDATE_INTERVAL_SECONDS").orElse("3600")));
        this.sessionLifetime = Duration.ofSeconds(Long.parseLong(read(source,
                "portcullis.session.lifetime.seconds", "PORTCULLIS_SESSION_LIFETIME_SECONDS").orElse("86400")));
        long retentionDays = Long.parseLong(read(source,
                "portcullis.signin.retention.days", "PORTCULLIS_SIGNIN_RETENTION_DAYS").orElse("90"));
        if (retentionDays < 0) {
            throw new IllegalArgumentException("sign-in retention days must be 0 (keep forever) or more, not " + retentionDays);
        }
        this.signInRetention = Duration.ofDays(retentionDays);
        this.deviceTokenTtl = Duration.ofSeconds(Long.parseLong(read(source,
                "portcullis.device.token.ttl.seconds", "PORTCULLIS_DEVICE_TOKEN_TTL_SECONDS").orElse("3600")));
        if (deviceTokenTtl.isNegative() || deviceTokenTtl.isZero()) {
            throw new IllegalArgumentException("device token TTL must be a positive number of seconds");
        }
        this.enrollCooldown = Duration.ofSeconds(Long.parseLong(read(source,
                "portcullis.enroll.cooldown.seconds", "PORTCULLIS_ENROLL_COOLDOWN_SECONDS").orElse("10")));
        if (enrollCooldown.isNegative()) {
            throw new IllegalArgumentException("enroll cooldown must be 0 (off) or more seconds");
        }
    }

    private static SerialFormat parseSerialFormat(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "hex" -> SerialFormat.HEX;
            case "decimal" -> SerialFormat.DECIMAL;
            default -> throw new IllegalArgumentException("cert serial format must be hex or decimal, not " + text);
        };
    }

    /** Reads the running JVM's system properties and environment. */
    public static DeploymentConfig fromSystem() {
        return from(key -> key.startsWith("env:") ? System.getenv(key.substring(4)) : System.getProperty(key));
    }

    /** For tests: {@code source} answers "some.property" and "env:SOME_VARIABLE" keys. */
    public static DeploymentConfig from(UnaryOperator<String> source) {
        return new DeploymentConfig(source);
    }

    private static Optional<String> read(UnaryOperator<String> source, String property, String variable) {
        String value = source.apply(property);
        if (value == null || value.isBlank()) {
            value = source.apply("env:" + variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String trimSlash(String url) {
        if (url == null) {
            return null;
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The public server URL set at deployment, if any (an administrator may also set it). */
    public Optional<String> serverUrl() { return Optional.ofNullable(serverUrl); }

    /** The base URL of the mTLS host, defaulting to the server URL with "okta." before its host. */
    public String ssoBaseUrlFor(String effectiveServerUrl) {
        if (ssoBaseUrl != null) {
            return ssoBaseUrl;
        }
        URI uri = URI.create(effectiveServerUrl);
        String authority = "okta." + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        return uri.getScheme() + "://" + authority + (uri.getPath() == null ? "" : trimSlash(uri.getPath()));
    }

    public SerialFormat serialFormat() { return serialFormat; }
    public TrustedProxies trustedProxies() { return trustedProxies; }
    public Optional<String> serverKey() { return Optional.ofNullable(serverKey); }
    public Path serverKeyFile() { return serverKeyFile; }
    public Duration clockSkew() { return clockSkew; }
    public Duration scepCooldown() { return scepCooldown; }
    /** How old a host's policy results may grow before the agent is asked to run them again. */
    public Duration policyUpdateInterval() { return policyUpdateInterval; }
    /** How old a host's details (hostname, OS version) may grow before the agent is asked for them again. */
    public Duration detailUpdateInterval() { return detailUpdateInterval; }
    /** How long an API bearer token stays valid after login. */
    public Duration sessionLifetime() { return sessionLifetime; }
    /** How long sign-in records are kept; zero keeps them forever. */
    public Duration signInRetention() { return signInRetention; }
    /** How long a device token (the My device link) is accepted after it was issued. */
    public Duration deviceTokenTtl() { return deviceTokenTtl; }
    /** How soon after an enrollment the same host gets its current node key back; zero turns that off. */
    public Duration enrollCooldown() { return enrollCooldown; }

    @Override
    public String toString() {
        // Never the server key itself.
        return "serverUrl=" + serverUrl + ", ssoBaseUrl=" + ssoBaseUrl
                + ", serialFormat=" + serialFormat.name().toLowerCase(Locale.ROOT)
                + ", trustedProxies=" + trustedProxies + ", clockSkew=" + clockSkew + ", scepCooldown=" + scepCooldown
                + ", policyUpdateInterval=" + policyUpdateInterval + ", detailUpdateInterval=" + detailUpdateInterval
                + ", sessionLifetime=" + sessionLifetime
                + ", signInRetention=" + signInRetention.toDays() + "d"
                + ", deviceTokenTtl=" + deviceTokenTtl + ", enrollCooldown=" + enrollCooldown;
    }

    /** Used only by the list accessor in tests and logs. */
    List<String> trustedProxyList() { return trustedProxies.entries(); }
}
