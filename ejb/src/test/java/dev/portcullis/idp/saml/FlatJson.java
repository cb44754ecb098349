package dev.portcullis.idp.saml;

import java.util.HashMap;
import java.util.Map;

/** Just enough JSON for the peer script's one-line, flat output: string, null and boolean values. */
final class FlatJson {

    private FlatJson() {
    }

    static Map<String, Object> parse(String json) {
        Map<String, Object> values = new HashMap<>();
        String text = json.trim();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            throw new IllegalArgumentException("not a JSON object: " + json);
        }
        int[] at = {1};
        while (true) {
            skipSpace(text, at);
            if (text.charAt(at[0]) == '}') {
                return values;
            }
            String key = string(text, at);
            skipSpace(text, at);
            at[0]++; // ':'
            skipSpace(text, at);
            values.put(key, value(text, at));
            skipSpace(text, at);
            if (text.charAt(at[0]) == ',') {
                at[0]++;
            }
        }
    }

    private static Object value(String text, int[] at) {
        if (text.charAt(at[0]) == '"') {
            return string(text, at);
        }
        for (String literal : new String[] {"null", "true", "false"}) {
            if (text.startsWith(literal, at[0])) {
                at[0] += literal.length();
                return literal.equals("null") ? null : Boolean.valueOf(literal);
            }
        }
        throw new IllegalArgumentException("unsupported JSON value at " + at[0] + ": " + text);
    }

    private static String string(String text, int[] at) {
        StringBuilder out = new StringBuilder();
        at[0]++; // opening quote
        while (true) {
            char c = text.charAt(at[0]++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(at[0]++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(at[0], at[0] + 4), 16));
                    at[0] += 4;
                }
                default -> out.append(escaped);
            }
        }
    }

    private static void skipSpace(String text, int[] at) {
        while (Character.isWhitespace(text.charAt(at[0]))) {
            at[0]++;
        }
    }
}
