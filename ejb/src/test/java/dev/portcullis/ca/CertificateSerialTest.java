package dev.portcullis.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateSerialTest {

    @ParameterizedTest(name = "Caddy {0} and nginx {1} name the same certificate")
    @CsvSource({
        "321521701247558003763262376593465405185, F1E2D3C4B5A6978812345678ABCDEF01, f1e2d3c4b5a6978812345678abcdef01",
        "9223372036854775809, 8000000000000001, 8000000000000001",
        "4096, 1000, 1000",
    })
    void readsCaddyDecimalAndNginxHexAsTheSameSerial(String caddy, String nginx, String key) {
        CertificateSerial fromCaddy = CertificateSerial.parse(caddy, SerialFormat.DECIMAL);
        CertificateSerial fromNginx = CertificateSerial.parse(nginx, SerialFormat.HEX);

        assertEquals(fromCaddy, fromNginx);
        assertEquals(fromCaddy.hashCode(), fromNginx.hashCode());
        assertEquals(key, fromCaddy.hex());
        assertEquals(key, fromNginx.hex());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "f1e2d3c4b5a6978812345678abcdef01",
        "F1:E2:D3:C4:B5:A6:97:88:12:34:56:78:AB:CD:EF:01",
        "f1:e2:d3:c4:b5:a6:97:88:12:34:56:78:ab:cd:ef:01",
        "0xF1E2D3C4B5A6978812345678ABCDEF01",
        "0000F1E2D3C4B5A6978812345678ABCDEF01",
    })
    void acceptsHexInAnyCaseWithColonsPrefixOrLeadingZeros(String text) {
        assertEquals("f1e2d3c4b5a6978812345678abcdef01", CertificateSerial.parse(text, SerialFormat.HEX).hex());
    }

    @Test
    void dropsLeadingZerosFromTheCanonicalKey() {
        assertEquals("1000", CertificateSerial.parse("00:10:00", SerialFormat.HEX).hex());
        assertEquals(new BigInteger("4096"), CertificateSerial.parse("0004096", SerialFormat.DECIMAL).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0x", "-1", "+1", "12 34", " 1234", "AB:", ":AB", "AB::CD", "ABC:DEF", "G1",
        "0", "00:00", "1.5"})
    void rejectsMalformedHex(String text) {
        assertThrows(IllegalArgumentException.class, () -> CertificateSerial.parse(text, SerialFormat.HEX));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "+1", "12 34", "1e5", "ff", "0", "4096 "})
    void rejectsMalformedDecimal(String text) {
        assertThrows(IllegalArgumentException.class, () -> CertificateSerial.parse(text, SerialFormat.DECIMAL));
    }

    @Test
    void rejectsSerialsLongerThanTheLimits() {
        String hex64 = "1".repeat(64);
        String decimal80 = "1".repeat(80);
        assertEquals(hex64, CertificateSerial.parse(hex64, SerialFormat.HEX).hex());
        assertEquals(new BigInteger(decimal80), CertificateSerial.parse(decimal80, SerialFormat.DECIMAL).value());

        var tooLongHex = assertThrows(IllegalArgumentException.class,
                () -> CertificateSerial.parse(hex64 + "1", SerialFormat.HEX));
        assertTrue(tooLongHex.getMessage().contains("64"));
        assertThrows(IllegalArgumentException.class,
                () -> CertificateSerial.parse(decimal80 + "1", SerialFormat.DECIMAL));
    }

    @Test
    void rejectsNullText() {
        assertThrows(IllegalArgumentException.class, () -> CertificateSerial.parse(null, SerialFormat.HEX));
    }

    @Test
    void drawsPositiveUniqueSerialsOfMoreThan64Bits() {
        SecureRandom random = new SecureRandom();
        Set<CertificateSerial> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            CertificateSerial serial = CertificateSerial.random(random);
            assertEquals(1, serial.value().signum());
            assertTrue(serial.value().bitLength() > 64, "serial " + serial + " is too short");
            assertTrue(serial.value().bitLength() <= 127, "top bit must be clear for a 16-octet INTEGER");
            assertTrue(seen.add(serial), "duplicate serial " + serial);
        }
    }

    @Test
    void comparesByValue() {
        assertEquals(CertificateSerial.of(BigInteger.TEN), CertificateSerial.parse("a", SerialFormat.HEX));
        assertNotEquals(CertificateSerial.of(BigInteger.TEN), CertificateSerial.of(BigInteger.TWO));
        assertThrows(IllegalArgumentException.class, () -> CertificateSerial.of(BigInteger.ZERO));
    }
}
