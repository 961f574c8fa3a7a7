package org.civitas.citizen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void the_last_forwarded_hop_is_the_one_the_trusted_proxy_added() {
        assertThat(ClientAddress.lastForwarded("203.0.113.7")).isEqualTo("203.0.113.7");
        // a client may send its own X-Forwarded-For; the proxy appends the address it saw
        assertThat(ClientAddress.lastForwarded("1.2.3.4, 198.51.100.9")).isEqualTo("198.51.100.9");
        assertThat(ClientAddress.lastForwarded(" ")).isNull();
        assertThat(ClientAddress.lastForwarded(null)).isNull();
        assertThat(ClientAddress.lastForwarded("1.2.3.4,")).isNull();
    }
}
