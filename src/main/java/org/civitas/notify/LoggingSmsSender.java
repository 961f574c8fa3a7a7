package org.civitas.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The default SMS "gateway": it only writes the message to the log. SMS gateways are site-specific (each city buys
 * its own, with its own API and signature rules), so a deployment replaces this with its own {@link MessageSender}
 * for {@link OutboxChannel#SMS}. The phone number is masked in the log, as everywhere a complainant appears.
 */
@Component
class LoggingSmsSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public OutboxChannel channel() {
        return OutboxChannel.SMS;
    }

    @Override
    public boolean fallback() {
        return true;
    }

    @Override
    public void send(OutboundMessage m) {
        log.info("SMS #{} to {} (no gateway configured, logged only): {}", m.id(), mask(m.recipient()), m.body());
    }

    static String mask(String phone) {
        return phone == null || phone.length() < 7 ? "***"
                : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
