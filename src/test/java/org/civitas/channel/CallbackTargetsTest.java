package org.civitas.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civitas.base.RuleViolation;
import org.junit.jupiter.api.Test;

/** Which callback URLs the server may call: https to an address outside the network, or what an admin allows. */
class CallbackTargetsTest {

    /** Names resolved as the test says, so nothing here asks a real DNS. */
    final Map<String, String> dns = new HashMap<>(Map.of("hooks.example.com", "93.184.216.34"));

    CallbackTargets targets(List<String> allowHttp, List<String> allowAny) {
        return new CallbackTargets(allowHttp, allowAny, host -> {
            String a = dns.get(host);
            if (a == null) {
                if (host.matches("[0-9a-f:.]+")) {
                    return new InetAddress[] {InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(a)};
        });
    }

    static String refusal(CallbackTargets t, String url) {
        try {
            t.check(url);
            return null;
        } catch (RuleViolation v) {
            return v.key();
        }
    }

    @Test
    void an_https_url_on_a_public_address_is_a_target() {
        assertThat(targets(List.of(), List.of()).check("https://hooks.example.com/civitas?x=1").getHost())
                .isEqualTo("hooks.example.com");
    }

    @Test
    void loopback_private_link_local_unique_local_and_unspecified_addresses_are_refused() {
        CallbackTargets t = targets(List.of(), List.of());
        for (String url : List.of("https://127.0.0.1/hook", "https://127.8.9.10:8443/hook", "https://10.1.2.3/hook",
                "https://172.16.0.9/hook", "https://192.168.1.1/hook", "https://169.254.169.254/latest/meta-data",
                "https://[::1]/hook", "https://[fd12:3456::1]/hook", "https://[fe80::1]/hook", "https://0.0.0.0/hook",
                "https://[::]/hook", "https://100.64.0.1/hook", "https://[::ffff:127.0.0.1]/hook",
                "https://[::ffff:10.0.0.1]/hook", "https://224.0.0.1/hook", "https://255.255.255.255/hook")) {
            assertThat(refusal(t, url)).as(url).isEqualTo("channel.error.callbackInternal");
        }
        dns.put("intranet.example.com", "10.20.30.40");
        assertThat(refusal(t, "https://intranet.example.com/hook")).isEqualTo("channel.error.callbackInternal");
        assertThat(refusal(t, "https://nowhere.invalid/hook")).isEqualTo("channel.error.callbackUnresolved");
    }

    @Test
    void plain_http_is_refused_unless_an_administrator_allows_the_host() {
        assertThat(refusal(targets(List.of(), List.of()), "http://hooks.example.com/hook"))
                .isEqualTo("channel.error.callbackHttps");
        assertThat(refusal(targets(List.of("HOOKS.example.com"), List.of()), "http://hooks.example.com/hook")).isNull();
        // allowing http says nothing about the address
        dns.put("lan.example.com", "192.168.0.5");
        assertThat(refusal(targets(List.of("lan.example.com"), List.of()), "http://lan.example.com/hook"))
                .isEqualTo("channel.error.callbackInternal");
        assertThat(refusal(targets(List.of(), List.of()), "ftp://hooks.example.com/hook"))
                .isEqualTo("channel.error.callbackUrl");
        assertThat(refusal(targets(List.of(), List.of()), "https://user:pw@hooks.example.com/hook"))
                .isEqualTo("channel.error.callbackUrl");
    }

    @Test
    void an_allowed_host_may_be_inside_the_network() {
        CallbackTargets t = targets(List.of(), List.of("localhost", "10.9.8.7"));
        dns.put("localhost", "127.0.0.1");
        assertThat(refusal(t, "https://localhost:8443/hook")).isNull();
        assertThat(refusal(t, "https://10.9.8.7/hook")).isNull();
        // by the name as written: the same address under another name is not allowed
        assertThat(refusal(t, "https://127.0.0.1:8443/hook")).isEqualTo("channel.error.callbackInternal");
    }

    @Test
    void a_name_that_resolves_inside_the_network_by_the_time_of_sending_is_refused_then() {
        CallbackTargets t = targets(List.of(), List.of());
        assertThat(refusal(t, "https://hooks.example.com/hook")).isNull();
        dns.put("hooks.example.com", "127.0.0.1");
        assertThatThrownBy(() -> t.check("https://hooks.example.com/hook")).isInstanceOf(RuleViolation.class);
    }
}
