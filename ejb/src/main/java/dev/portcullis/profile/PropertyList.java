package dev.portcullis.profile;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes Apple's XML property list format from plain Java values: {@code Map<String, ?>} (dict, in
 * the map's order), {@code List<?>} (array), String, Integer or Long (integer), Boolean and
 * byte[] (data). Every string is escaped, so no value can change the document's structure.
 */
public final class PropertyList {

    private static final String HEADER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0">
            """;

    private PropertyList() {
    }

    public static byte[] toXml(Map<String, ?> root) {
        StringBuilder out = new StringBuilder(HEADER);
        write(out, root, 0);
        out.append("</plist>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(StringBuilder out, Object value, int depth) {
        String indent = "\t".repeat(depth);
        if (value instanceof Map<?, ?> map) {
            out.append(indent).append("<dict>\n");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("property list keys must be strings");
                }
                out.append(indent).append("\t<key>").append(escape(key)).append("</key>\n");
                write(out, e.getValue(), depth + 1);
            }
            out.append(indent).append("</dict>\n");
        } else if (value instanceof List<?> list) {
            out.append(indent).append("<array>\n");
            for (Object item : list) {
                write(out, item, depth + 1);
            }
            out.append(indent).append("</array>\n");
        } else if (value instanceof String s) {
            out.append(indent).append("<string>").append(escape(s)).append("</string>\n");
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(indent).append("<integer>").append(value).append("</integer>\n");
        } else if (value instanceof Boolean b) {
            out.append(indent).append(b ? "<true/>" : "<false/>").append('\n');
        } else if (value instanceof byte[] bytes) {
            out.append(indent).append("<data>").append(Base64.getEncoder().encodeToString(bytes)).append("</data>\n");
        } else {
            throw new IllegalArgumentException("no property list type for " + (value == null ? "null" : value.getClass()));
        }
    }

    /** XML text escaping; characters XML 1.0 cannot carry at all are refused rather than dropped. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException("a property list string cannot hold character U+"
                                + String.format("%04X", (int) c));
                    }
                    b.append(c);
                }
            }
        }
        return b.toString();
    }
}
