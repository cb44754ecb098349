package dev.portcullis.ca;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A certificate serial number: a positive integer of any size, keyed in the database by
 * its canonical lowercase hex form.
 */
public final class CertificateSerial {

    // RFC 5280 caps serials at 20 octets; the limits leave room for that and some slack.
    private static final int MAX_HEX_DIGITS = 64;
    private static final int MAX_DECIMAL_DIGITS = 80;
    private static final int RANDOM_BYTES = 16;
    private static final Pattern HEX_DIGITS = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern HEX_WITH_COLONS = Pattern.compile("[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2})+");
    private static final Pattern DECIMAL_DIGITS = Pattern.compile("[0-9]+");

    private final BigInteger value;

    private CertificateSerial(BigInteger value) {
        this.value = value;
    }

    public static CertificateSerial of(BigInteger value) {
        Objects.requireNonNull(value, "serial");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("A certificate serial must be positive, got " + value);
        }
        return new CertificateSerial(value);
    }

    /** 127 random bits: positive as a DER INTEGER in 16 octets, and far above the 64 bits CAs must use. */
    public static CertificateSerial random(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        BigInteger candidate;
        do {
            random.nextBytes(bytes);
            bytes[0] &= 0x7F;
            candidate = new BigInteger(1, bytes);
        } while (candidate.signum() == 0);
        return new CertificateSerial(candidate);
    }

    public static CertificateSerial parse(String text, SerialFormat format) {
        Objects.requireNonNull(format, "format");
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("A certificate serial must not be empty");
        }
        BigInteger parsed = format == SerialFormat.HEX ? parseHex(text) : parseDecimal(text);
        if (parsed.signum() == 0) {
            throw new IllegalArgumentException("A certificate serial must not be zero");
        }
        return new CertificateSerial(parsed);
    }

    private static BigInteger parseHex(String text) {
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (HEX_WITH_COLONS.matcher(digits).matches()) {
            digits = digits.replace(":", "");
        } else if (!HEX_DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("Not a hex certificate serial: '" + abbreviate(text) + "'");
        }
        if (digits.length() > MAX_HEX_DIGITS) {
            throw new IllegalArgumentException("A hex certificate serial has at most " + MAX_HEX_DIGITS + " digits");
        }
        return new BigInteger(digits, 16);
    }

    private static BigInteger parseDecimal(String text) {
        if (!DECIMAL_DIGITS.matcher(text).matches()) {
            throw new IllegalArgumentException("Not a decimal certificate serial: '" + abbreviate(text) + "'");
        }
        if (text.length() > MAX_DECIMAL_DIGITS) {
            throw new IllegalArgumentException(
                    "A decimal certificate serial has at most " + MAX_DECIMAL_DIGITS + " digits");
        }
        return new BigInteger(text, 10);
    }

    // Serials arrive in request headers: keep error messages short whatever was sent.
    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    public BigInteger value() {
        return value;
    }

    /** Lowercase hex without leading zeros: the database key. */
    public String hex() {
        return value.toString(16).toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificateSerial serial && value.equals(serial.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return hex();
    }
}
