package org.civitas.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Defines {@link CspNonce} after Hilla's index-page listener, so that the nonce reaches its script too. */
@AutoConfiguration(afterName = "com.vaadin.hilla.startup.RouteUnifyingServiceInitListener")
class CspNonceAutoConfiguration {

    @Bean
    CspNonce cspNonce() {
        return new CspNonce();
    }
}
