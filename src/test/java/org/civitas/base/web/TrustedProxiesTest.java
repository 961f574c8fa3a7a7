package org.civitas.base.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whose forwarded headers are believed, and which hop of X-Forwarded-For is the client. */
class TrustedProxiesTest {

    final TrustedProxies nginx = TrustedProxies.parse(" 127.0.0.1, 10.0.0.0/24 ,::1");

    @Test
    void nobody_is_trusted_until_listed() {
        TrustedProxies none = TrustedProxies.parse("");
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.trusts("127.0.0.1")).isFalse();
        assertThat(TrustedProxies.parse(null).isEmpty()).isTrue();
    }

    @Test
    void addresses_and_cidr_blocks_both_spellings_of_ipv6() {
        assertThat(nginx.trusts("127.0.0.1")).isTrue();
        assertThat(nginx.trusts("127.0.0.2")).isFalse();
        assertThat(nginx.trusts("10.0.0.77")).isTrue();
        assertThat(nginx.trusts("10.0.1.77")).isFalse();
        assertThat(nginx.trusts("0:0:0:0:0:0:0:1")).as("Tomcat's spelling of ::1").isTrue();
        assertThat(nginx.trusts("::2")).isFalse();
        assertThat(nginx.trusts("localhost")).as("a name is never looked up").isFalse();
        assertThat(nginx.trusts("127.1")).as("only the four-part form").isFalse();
        assertThat(nginx.trusts("127.0.0.256")).isFalse();
        assertThat(nginx.trusts(null)).isFalse();
    }

    @Test
    void the_client_is_the_last_hop_that_is_not_a_trusted_proxy() {
        assertThat(nginx.client(List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
        // the client sent "X-Forwarded-For: 203.0.113.9" itself and a proxy appended the real address
        assertThat(nginx.client(List.of("203.0.113.9, 198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(nginx.client(List.of("203.0.113.9", "198.51.100.7"))).as("two header lines").isEqualTo("198.51.100.7");
        // a second proxy of ours in between is stepped over
        assertThat(nginx.client(List.of("203.0.113.9, 198.51.100.7, 10.0.0.5"))).isEqualTo("198.51.100.7");
        assertThat(nginx.client(List.of("2001:db8::7"))).isEqualTo("2001:db8::7");
    }

    @Test
    void no_header_or_a_hop_that_is_not_an_address_keeps_the_proxys_own_address() {
        assertThat(nginx.client(List.of())).isNull();
        assertThat(nginx.client(List.of(""))).isNull();
        assertThat(nginx.client(List.of("evil.example"))).isNull();
        assertThat(nginx.client(List.of("beef.cafe"))).isNull();
        assertThat(nginx.client(List.of("999.1.1.1"))).isNull();
        assertThat(nginx.client(List.of("198.51.100.7, unknown"))).isNull();
    }

    @Test
    void a_name_or_a_typo_in_the_list_stops_the_start() {
        assertThatThrownBy(() -> TrustedProxies.parse("nginx.internal")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nginx.internal");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.1 10.0.0.2")).isInstanceOf(IllegalArgumentException.class);
    }
}
