package dev.portcullis.web.agent;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Request bodies as osquery may send them: plain, or gzip when the host runs with
 * {@code --logger_tls_compress}. The caller reads the decoded stream through its usual size limit,
 * so a small body that inflates into a huge one is refused like any oversized body.
 */
final class ContentEncoding {

    private ContentEncoding() {
    }

    static InputStream decoded(InputStream body, String contentEncoding) {
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "", "identity":
                return body;
            case "gzip", "x-gzip":
                try {
                    return new GZIPInputStream(body);
                } catch (IOException e) {
                    throw new BadRequestException("The request body is not gzip data");
                }
            default:
                throw new WebApplicationException("Content-Encoding must be gzip or none", 415);
        }
    }
}
