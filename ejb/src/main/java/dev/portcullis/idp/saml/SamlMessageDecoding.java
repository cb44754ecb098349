package dev.portcullis.idp.saml;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Base64 and raw DEFLATE decoding of binding parameters, with size limits against memory abuse. */
final class SamlMessageDecoding {

    /** Largest encoded parameter accepted; Okta's requests are a few KiB. */
    static final int MAX_ENCODED_CHARS = 64 * 1024;
    /** Largest inflated message accepted, so a small "deflate bomb" cannot exhaust memory. */
    static final int MAX_INFLATED_BYTES = 256 * 1024;

    private SamlMessageDecoding() {
    }

    static void requireWithinLimit(String encoded, String what) throws SamlRequestException {
        if (encoded.length() > MAX_ENCODED_CHARS) {
            throw new SamlRequestException(what + " is larger than " + MAX_ENCODED_CHARS / 1024 + " KiB");
        }
    }

    static byte[] base64(String encoded, String parameter) throws SamlRequestException {
        // Some senders wrap base64 lines; whitespace is the only leniency.
        String compact = encoded.replaceAll("\\s+", "");
        if (compact.isEmpty()) {
            throw new SamlRequestException(parameter + " is empty");
        }
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new SamlRequestException(parameter + " is not valid base64");
        }
    }

    static byte[] inflate(byte[] deflated) throws SamlRequestException {
        Inflater inflater = new Inflater(true);
        try {
            // With "nowrap", zlib may want one extra byte past the stream to signal its end.
            inflater.setInput(Arrays.copyOf(deflated, deflated.length + 1));
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int count = inflater.inflate(buffer);
                if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new SamlRequestException("SAMLRequest is not valid DEFLATE data");
                }
                if (out.size() + count > MAX_INFLATED_BYTES) {
                    throw new SamlRequestException("SAMLRequest inflates beyond " + MAX_INFLATED_BYTES / 1024 + " KiB");
                }
                out.write(buffer, 0, count);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new SamlRequestException("SAMLRequest is not valid DEFLATE data");
        } finally {
            inflater.end();
        }
    }

    /** True when the bytes look like XML: '<' after optional whitespace or a UTF-8 byte order mark. */
    static boolean looksLikeXml(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<';
    }
}
