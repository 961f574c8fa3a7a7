package org.civitas.base.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Behind a trusted proxy, the request takes the client's address and the scheme the client used from
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} (and the port from {@code X-Forwarded-Port}), before any
 * filter or servlet sees it: rate limits, the audit log and Tomcat's {@code Secure} session cookie all read the
 * request. Tomcat's own RemoteIpValve does the same but names its proxies with a regular expression; this one takes
 * addresses and CIDR blocks, and trusts nobody until told.
 */
final class TrustedProxyValve extends ValveBase {

    private final TrustedProxies proxies;

    TrustedProxyValve(TrustedProxies proxies) {
        super(true);
        this.proxies = proxies;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (!proxies.trusts(request.getRemoteAddr())) {
            getNext().invoke(request, response);
            return;
        }
        String addr = request.getRemoteAddr();
        String host = request.getRemoteHost();
        boolean secure = request.isSecure();
        String scheme = request.getScheme();
        int port = request.getServerPort();
        try {
            String client = proxies.client(Collections.list(request.getHeaders("X-Forwarded-For")));
            if (client != null) {
                request.setRemoteAddr(client);
                request.setRemoteHost(client);
            }
            String proto = request.getHeader("X-Forwarded-Proto");
            proto = proto == null ? "" : proto.strip().toLowerCase(Locale.ROOT);
            if (proto.equals("https") || proto.equals("http")) {
                boolean https = proto.equals("https");
                request.setSecure(https);
                request.getCoyoteRequest().scheme().setString(https ? "https" : "http");
                request.setServerPort(forwardedPort(request.getHeader("X-Forwarded-Port"), https ? 443 : 80));
            }
            getNext().invoke(request, response);
        } finally {
            // an async request (Vaadin's push) goes on in another thread and still needs the client's values
            if (!request.isAsync()) {
                request.setRemoteAddr(addr);
                request.setRemoteHost(host);
                request.setSecure(secure);
                request.getCoyoteRequest().scheme().setString(scheme);
                request.setServerPort(port);
            }
        }
    }

    private static int forwardedPort(String header, int otherwise) {
        if (header != null && header.strip().matches("[0-9]{1,5}")) {
            int port = Integer.parseInt(header.strip());
            if (port > 0 && port < 65536) {
                return port;
            }
        }
        return otherwise;
    }
}
