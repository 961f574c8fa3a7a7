package org.civitas.base.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Installs {@link TrustedProxyValve} for the proxies listed in {@code civitas.web.trusted-proxies} (none: the
 * forwarded headers are never read). {@code server.forward-headers-strategy=none} in application.properties keeps
 * Spring Boot from adding Tomcat's RemoteIpValve on its own (it does on Kubernetes and Cloud Foundry), whose default
 * trusts every private address, so that a client on the city's own 10.x network could name any address it liked.
 */
@Component
class ForwardedHeaders implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final Logger log = LoggerFactory.getLogger(ForwardedHeaders.class);

    private final TrustedProxies proxies;

    ForwardedHeaders(@Value("${civitas.web.trusted-proxies:}") String trusted,
                     @Value("${civitas.public.behind-proxy:false}") boolean behindProxy) {
        this.proxies = TrustedProxies.parse(trusted);
        // The old switch believed X-Forwarded-For from any peer. Silently dropping it would put every citizen behind
        // nginx on one allowance again, so a node that still has it and nothing in its place does not start.
        if (behindProxy && proxies.isEmpty()) {
            throw new IllegalStateException("civitas.public.behind-proxy is no longer read: list the reverse proxy's "
                    + "addresses in civitas.web.trusted-proxies (CIVITAS_TRUSTED_PROXIES), see docs/deploy.md");
        }
        if (behindProxy) {
            log.warn("civitas.public.behind-proxy is no longer read (civitas.web.trusted-proxies replaces it)");
        }
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (proxies.isEmpty()) {
            log.info("No trusted proxies: X-Forwarded-For and X-Forwarded-Proto are ignored");
            return;
        }
        log.info("X-Forwarded-For and X-Forwarded-Proto are read from {} only", proxies);
        factory.addEngineValves(new TrustedProxyValve(proxies));
    }
}
