package org.civitas.channel;

import org.civitas.base.db.ConditionalOnEmbeddedDatabase;
import org.civitas.cases.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One demo channel system (the citizen app) with a fixed, published key: on the embedded database only. */
@Component
@ConditionalOnEmbeddedDatabase
@ConditionalOnProperty(name = "civitas.demo.enabled", havingValue = "true")
@Order(12)
class DemoChannels implements ApplicationRunner {

    static final String CODE = "DEMO_APP";
    /** The demo key docs/api.md gives; never use it outside a demo. */
    static final String KEY = "cvk_demo_app_key_0123456789abcdef0123456789abcdef";
    static final String SECRET = "demo-webhook-secret";

    private static final Logger log = LoggerFactory.getLogger(DemoChannels.class);

    private final ChannelService channels;

    DemoChannels(ChannelService channels) {
        this.channels = channels;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (channels.find(CODE).isEmpty()) {
            channels.upsert(CODE, "示范市民 App", Channel.APP, null, SECRET, true, "system");
            channels.insertKey(CODE, "演示密钥", KEY, "system");
            log.info("Created demo channel {} with API key {}", CODE, KEY);
        }
    }
}
