package org.civitas.base.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.util.NetMask;

/**
 * The reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed: addresses or CIDR
 * blocks ({@code 127.0.0.1}, {@code 10.0.0.0/24}, {@code ::1}). Anyone can send these headers, so a request that
 * does not come straight from one of them keeps its own address and scheme.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** With a colon Java reads it as an IPv6 literal or refuses it; it never asks DNS. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private final List<NetMask> masks;

    private TrustedProxies(List<NetMask> masks) {
        this.masks = masks;
    }

    /** Parses a comma-separated list; an unreadable entry is refused so that a typo cannot pass unnoticed. */
    public static TrustedProxies parse(String list) {
        List<NetMask> masks = new ArrayList<>();
        for (String entry : (list == null ? "" : list).split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            String address = e.contains("/") ? e.substring(0, e.indexOf('/')) : e;
            if (literal(address) == null) {
                throw new IllegalArgumentException("not an address or CIDR block: " + e);
            }
            masks.add(new NetMask(e));
        }
        return new TrustedProxies(List.copyOf(masks));
    }

    public boolean isEmpty() {
        return masks.isEmpty();
    }

    public boolean trusts(String address) {
        InetAddress a = literal(address);
        return a != null && masks.stream().anyMatch(m -> m.matches(a));
    }

    /**
     * The client behind a trusted proxy: walking {@code X-Forwarded-For} from its end (the entry the proxy itself
     * wrote), the first address that is not a trusted proxy. Null when the header is absent or an entry on the way
     * is not an address: then the request keeps the proxy's own address.
     */
    public String client(List<String> forwardedFor) {
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (literal(hop) == null) {
                return null;
            }
            if (!trusts(hop) || i == 0) {
                return hop;
            }
        }
        return null;
    }

    /** The address, if the text is an IPv4 or IPv6 literal; null for anything else (a name is never looked up). */
    static InetAddress literal(String text) {
        if (text == null || text.length() > 45) {
            return null;
        }
        try {
            Matcher v4 = IPV4.matcher(text);
            if (v4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int b = Integer.parseInt(v4.group(i + 1));
                    if (b > 255) {
                        return null;
                    }
                    bytes[i] = (byte) b;
                }
                return InetAddress.getByAddress(bytes);
            }
            return IPV6.matcher(text).matches() ? InetAddress.getByName(text) : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return masks.toString();
    }
}
