package dev.portcullis.web.device;

import dev.portcullis.web.idp.ErrorPages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The document around every My device page, and its headers: no caching (the pages carry a token
 * and live state), a Content-Security-Policy that allows only our own stylesheet, script and
 * same-origin requests, no framing, and no Referer leaving the origin.
 */
final class PageShell {

    static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private PageShell() {
    }

    /** Writes a whole page; {@code title} is escaped here, {@code body} must already be escaped HTML. */
    static void write(HttpServletResponse response, int status, String title, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on our own form posts.
        response.setHeader("Referrer-Policy", "same-origin");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title>"
                + "<link rel=\"icon\" href=\"/assets/icon.svg\" type=\"image/svg+xml\">"
                + "<link rel=\"stylesheet\" href=\"/assets/my-device.css\">"
                + "<script src=\"/assets/my-device.js\" defer></script></head>"
                + "<body><main id=\"main\">" + body + "</main></body></html>");
    }

    static String escape(String s) {
        return ErrorPages.escape(s);
    }
}
