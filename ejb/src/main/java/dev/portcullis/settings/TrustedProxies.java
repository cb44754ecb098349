package dev.portcullis.settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses allowed to tell us a client certificate's serial in a header: single addresses
 * or CIDR blocks, IPv4 or IPv6. Literal addresses only, never host names (no DNS on this path).
 */
public final class TrustedProxies {

    private record Block(byte[] network, int prefixBits, String text) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) return false;
            }
            int rest = prefixBits % 8;
            if (rest == 0) return true;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public static TrustedProxies parse(String commaSeparated) {
        List<Block> blocks = new ArrayList<>();
        for (String raw : commaSeparated.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) continue;
            String[] parts = entry.split("/", 2);
            byte[] address = literal(parts[0]);
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("bad prefix length in trusted proxy " + entry);
            }
            blocks.add(new Block(address, bits, entry));
        }
        return new TrustedProxies(blocks);
    }

    private static byte[] literal(String text) {
        if (!isLiteral(text)) {
            throw new IllegalArgumentException("trusted proxy must be an IP address or CIDR block: " + text);
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("trusted proxy must be an IP address or CIDR block: " + text, e);
        }
    }

    /** Only literals reach InetAddress, so nothing here ever resolves a name. */
    private static boolean isLiteral(String text) {
        return text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (text.contains(":") && text.matches("[0-9a-fA-F:.]+"));
    }

    /** Whether {@code remoteAddress} (a literal IP as the servlet container reports it) is trusted. */
    public boolean trusts(String remoteAddress) {
        if (remoteAddress == null) {
            return false;
        }
        String literal = remoteAddress.contains("%") ? remoteAddress.substring(0, remoteAddress.indexOf('%')) : remoteAddress;
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (!isLiteral(literal)) {
            return false;
        }
        byte[] address;
        try {
            address = InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        for (Block b : blocks) {
            if (b.contains(address)) return true;
        }
        return false;
    }

    List<String> entries() {
        return blocks.stream().map(Block::text).toList();
    }

    @Override
    public String toString() {
        return String.join(",", entries());
    }
}
