package org.civitas.notify;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through Spring Mail, present only when {@code spring.mail.host} is set. Without it e-mail rows stay
 * PENDING, to be sent once a server is configured.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class EmailSender implements MessageSender {

    private final JavaMailSender mail;
    private final String from;

    EmailSender(JavaMailSender mail, @Value("${civitas.notify.mail-from:civitas@localhost}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public OutboxChannel channel() {
        return OutboxChannel.EMAIL;
    }

    @Override
    public void send(OutboundMessage m) throws Exception {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(m.recipient());
        helper.setSubject(m.subject() == null ? "" : m.subject());
        helper.setText(m.body());
        // lets a receiving system drop a copy resent after a crash (see OutboxDispatcher)
        message.setHeader("X-Civitas-Outbox-Id", Long.toString(m.id()));
        mail.send(message);
    }
}
