package dev.portcullis.web.idp;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Plain HTML pages for people who reach an endpoint from a browser, never with internals. */
public final class ErrorPages {

    private ErrorPages() {
    }

    public static Response page(Response.Status status, String title, String text) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;"
                + "line-height:1.5;color:#1b1b1b}h1{font-size:1.5rem}</style></head><body>"
                + "<h1>" + escape(title) + "</h1><p>" + escape(text) + "</p></body></html>";
        return Response.status(status).entity(html).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
