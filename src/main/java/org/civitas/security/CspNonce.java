package org.civitas.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import org.jsoup.nodes.Element;

/**
 * Stamps the response's CSP nonce ({@link SecurityHeaders}) on the scripts of Vaadin's bootstrap page: the initial UI
 * state, the CSRF form-data helper and the route list are written into the page per request, so a hash cannot allow
 * them.
 *
 * <p>It must see the page last, after Hilla's route list: Vaadin runs the Spring beans' init listeners in the order the
 * beans were defined, so this one is defined by an auto-configuration ordered after Hilla's
 * ({@link CspNonceAutoConfiguration}).
 */
class CspNonce implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(CspNonce::stamp);
    }

    static void stamp(IndexHtmlResponse response) {
        Object nonce = response.getVaadinRequest().getAttribute(SecurityHeaders.NONCE);
        if (nonce == null) {
            return;
        }
        for (Element script : response.getDocument().select("script")) {
            script.attr("nonce", nonce.toString());
        }
    }
}
