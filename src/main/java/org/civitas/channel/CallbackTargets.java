package org.civitas.channel;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.civitas.base.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where status callbacks may go. A callback is a request the server makes on an administrator's word, so a wrong
 * (or stolen) word must not turn it into a request inside the network: https only, and a host that resolves to no
 * loopback, link-local, private, unique-local, carrier-grade NAT, multicast or unspecified address. An administrator
 * allows exceptions by host name as written in the URL: {@code civitas.callbacks.allow-http-hosts} (plain http) and
 * {@code civitas.callbacks.allow-hosts} (any address). Checked when saved and again before each send, because a
 * name may resolve elsewhere by then.
 */
@Component
class CallbackTargets {

    /** Resolves a host name to its addresses; tests give names addresses of their choosing. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowHttp;
    private final Set<String> allowAny;
    private final Resolver resolver;

    @Autowired
    CallbackTargets(@Value("${civitas.callbacks.allow-http-hosts:}") List<String> allowHttp,
                    @Value("${civitas.callbacks.allow-hosts:}") List<String> allowAny) {
        this(allowHttp, allowAny, InetAddress::getAllByName);
    }

    CallbackTargets(Collection<String> allowHttp, Collection<String> allowAny, Resolver resolver) {
        this.allowHttp = normalized(allowHttp);
        this.allowAny = normalized(allowAny);
        this.resolver = resolver;
    }

    /** The URL as a target, or the refusal an administrator reads (Chinese first) when it is not one. */
    URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RuleViolation("channel.error.callbackUrl");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = host(uri);
        if (host == null || uri.getRawUserInfo() != null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new RuleViolation("channel.error.callbackUrl");
        }
        if (scheme.equals("http") && !allowHttp.contains(host)) {
            throw new RuleViolation("channel.error.callbackHttps", host);
        }
        if (allowAny.contains(host)) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RuleViolation("channel.error.callbackUnresolved", host);
        }
        for (InetAddress a : addresses) {
            if (internal(a)) {
                throw new RuleViolation("channel.error.callbackInternal", host, a.getHostAddress());
            }
        }
        return uri;
    }

    /** An address inside a network rather than on the internet. */
    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            // fc00::/7 unique local; ::ffff:0:0/96 (an IPv4 address in IPv6 clothes) judged as that IPv4 address
            if ((b[0] & 0xFE) == 0xFC) {
                return true;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return false;
        }
        int first = b[0] & 0xFF, second = b[1] & 0xFF;
        return first == 0 // "this network"
                || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT, 100.64.0.0/10
                || (first == 192 && second == 0 && (b[2] & 0xFF) == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19)) // benchmarking networks
                || first >= 240; // reserved and broadcast
    }

    private static String host(URI uri) {
        String h = uri.getHost();
        if (h == null || h.isBlank()) {
            return null;
        }
        h = h.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static Set<String> normalized(Collection<String> hosts) {
        return hosts == null ? Set.of() : hosts.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
