package org.civitas.citizen.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address a public request came from, the key of its rate limits. {@code X-Forwarded-For} is anyone's to forge,
 * so it is read only when {@code civitas.public.behind-proxy} says a trusted proxy sets it, and then its last entry
 * (the one that proxy added) is taken. (Tomcat's RemoteIpValve, {@code server.forward-headers-strategy=native}, is
 * the other way: then the remote address is already right and this property stays false.)
 */
@Component
public class ClientAddress {

    private final boolean behindProxy;

    ClientAddress(@Value("${civitas.public.behind-proxy:false}") boolean behindProxy) {
        this.behindProxy = behindProxy;
    }

    /** The current request's client address, or "unknown" (all such clients share one allowance). */
    public String current() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null) {
            if (behindProxy) {
                String forwarded = lastForwarded(request.getHeader("X-Forwarded-For"));
                if (forwarded != null) {
                    return forwarded;
                }
            }
            if (request.getRemoteAddr() != null) {
                return request.getRemoteAddr();
            }
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getBrowser() != null && session.getBrowser().getAddress() != null) {
            return session.getBrowser().getAddress();
        }
        return "unknown";
    }

    static String lastForwarded(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] hops = header.split(",", -1);
        String last = hops[hops.length - 1].trim();
        return last.isEmpty() || last.length() > 64 ? null : last;
    }
}
