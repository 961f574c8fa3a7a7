package org.civitas.citizen.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address a public request came from, the key of its rate limits: the request's remote address. Behind a
 * reverse proxy that listed in {@code civitas.web.trusted-proxies}, Tomcat has already put the client's address
 * there (base/web TrustedProxyValve); the forwarded headers are never read here, so a client cannot name its own.
 */
@Component
public class ClientAddress {

    /** The current request's client address, or "unknown" (all such clients share one allowance). */
    public String current() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getRemoteAddr() != null) {
            return request.getRemoteAddr();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                && servlet.getRequest().getRemoteAddr() != null) {
            return servlet.getRequest().getRemoteAddr();
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getBrowser() != null && session.getBrowser().getAddress() != null) {
            return session.getBrowser().getAddress();
        }
        return "unknown";
    }
}
