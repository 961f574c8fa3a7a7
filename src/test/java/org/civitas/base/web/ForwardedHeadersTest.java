package org.civitas.base.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The old civitas.public.behind-proxy is not quietly dropped. */
class ForwardedHeadersTest {

    @Test
    void a_node_that_still_sets_behind_proxy_without_trusted_proxies_does_not_start() {
        assertThatThrownBy(() -> new ForwardedHeaders("", true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("civitas.web.trusted-proxies");
        assertThatCode(() -> new ForwardedHeaders("127.0.0.1", true)).doesNotThrowAnyException();
        assertThatCode(() -> new ForwardedHeaders("", false)).doesNotThrowAnyException();
    }
}
