package dev.portcullis.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.ca.SerialFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentConfigTest {

    private static DeploymentConfig config(Map<String, String> values) {
        return DeploymentConfig.from(values::get);
    }

    @Test
    void defaultsToHexAndLoopbackProxies() {
        DeploymentConfig config = config(Map.of());
        assertEquals(SerialFormat.HEX, config.serialFormat());
        assertTrue(config.trustedProxies().trusts("127.0.0.1"));
        assertTrue(config.trustedProxies().trusts("0:0:0:0:0:0:0:1"));
        assertFalse(config.trustedProxies().trusts("127.0.0.2"));
        assertTrue(config.serverUrl().isEmpty());
    }

    @Test
    void acceptsFleetsSerialFormatVariable() {
        assertEquals(SerialFormat.DECIMAL,
                config(Map.of("env:FLEET_CONDITIONAL_ACCESS_CERT_SERIAL_FORMAT", "decimal")).serialFormat());
        assertEquals(SerialFormat.HEX, config(Map.of("env:FLEET_CONDITIONAL_ACCESS_CERT_SERIAL_FORMAT", "decimal",
                "env:PORTCULLIS_CERT_SERIAL_FORMAT", "hex")).serialFormat(), "our own name wins");
        assertEquals(SerialFormat.DECIMAL, config(Map.of("portcullis.cert.serial.format", "DECIMAL",
                "env:PORTCULLIS_CERT_SERIAL_FORMAT", "hex")).serialFormat(), "a system property wins");
        assertThrows(IllegalArgumentException.class,
                () -> config(Map.of("portcullis.cert.serial.format", "octal")));
    }

    @Test
    void ssoUrlIsTheServerUrlWithOktaBeforeTheHostUnlessSet() {
        DeploymentConfig config = config(Map.of());
        assertEquals("https://okta.fleet.example.com", config.ssoBaseUrlFor("https://fleet.example.com"));
        assertEquals("https://okta.fleet.example.com:8443", config.ssoBaseUrlFor("https://fleet.example.com:8443"));
        assertEquals("https://mtls.example.com",
                config(Map.of("env:PORTCULLIS_SSO_URL", "https://mtls.example.com/")).ssoBaseUrlFor("https://x.example.com"));
    }

    @Test
    void trustedProxiesTakeCidrBlocksAndNeverHostNames() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, fd00::/8");
        assertTrue(proxies.trusts("10.200.3.4"));
        assertTrue(proxies.trusts("192.168.1.7"));
        assertFalse(proxies.trusts("192.168.1.8"));
        assertTrue(proxies.trusts("fd12::1"));
        assertFalse(proxies.trusts("fe80::1"));
        assertFalse(proxies.trusts("localhost"), "a name is never resolved or trusted");
        assertFalse(proxies.trusts(null));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.example.com"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
    }

    @Test
    void neverPrintsTheServerKey() {
        DeploymentConfig config = config(Map.of("env:PORTCULLIS_SERVER_KEY", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ="));
        assertFalse(config.toString().contains("c2VjcmV0"));
    }

    @Test
    void keepsSignInsNinetyDaysUnlessToldOtherwise() {
        assertEquals(java.time.Duration.ofDays(90), config(Map.of()).signInRetention());
        assertEquals(java.time.Duration.ofDays(7),
                config(Map.of("env:PORTCULLIS_SIGNIN_RETENTION_DAYS", "7")).signInRetention());
        assertEquals(java.time.Duration.ofDays(30), config(Map.of("portcullis.signin.retention.days", "30",
                "env:PORTCULLIS_SIGNIN_RETENTION_DAYS", "7")).signInRetention(), "a system property wins");
        assertThrows(IllegalArgumentException.class,
                () -> config(Map.of("portcullis.signin.retention.days", "-1")));
    }

    @Test
    void deviceTokenTtlDefaultsToAnHourAndMustBePositive() {
        assertEquals(java.time.Duration.ofHours(1), config(Map.of()).deviceTokenTtl());
        assertEquals(java.time.Duration.ofSeconds(90),
                config(Map.of("env:PORTCULLIS_DEVICE_TOKEN_TTL_SECONDS", "90")).deviceTokenTtl());
        assertThrows(IllegalArgumentException.class, () -> config(Map.of("portcullis.device.token.ttl.seconds", "0")));
    }

    @Test
    void enrollCooldownDefaultsToTenSecondsAndZeroTurnsItOff() {
        assertEquals(java.time.Duration.ofSeconds(10), config(Map.of()).enrollCooldown());
        assertEquals(java.time.Duration.ZERO,
                config(Map.of("env:PORTCULLIS_ENROLL_COOLDOWN_SECONDS", "0")).enrollCooldown());
        assertEquals(java.time.Duration.ofSeconds(3), config(Map.of("portcullis.enroll.cooldown.seconds", "3",
                "env:PORTCULLIS_ENROLL_COOLDOWN_SECONDS", "0")).enrollCooldown(), "a system property wins");
        assertThrows(IllegalArgumentException.class,
                () -> config(Map.of("portcullis.enroll.cooldown.seconds", "-1")));
    }

    @Test
    void detailUpdateIntervalDefaultsToAnHour() {
        assertEquals(java.time.Duration.ofHours(1), config(Map.of()).detailUpdateInterval());
        assertEquals(java.time.Duration.ofSeconds(600),
                config(Map.of("env:PORTCULLIS_DETAIL_UPDATE_INTERVAL_SECONDS", "600")).detailUpdateInterval());
        assertEquals(java.time.Duration.ofSeconds(60), config(Map.of("portcullis.detail.update.interval.seconds", "60",
                "env:PORTCULLIS_DETAIL_UPDATE_INTERVAL_SECONDS", "600")).detailUpdateInterval(), "a system property wins");
    }
}
