package org.civitas.notify;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface NotificationRepository extends Repository<Notification, Long> {

    Notification save(Notification n);

    long countByRecipientAndReadAtIsNull(String recipient);

    List<Notification> findByRecipientOrderByIdDesc(String recipient, Limit limit);

    @Modifying
    @Query("update Notification n set n.readAt = :at where n.id = :id and n.recipient = :recipient and n.readAt is null")
    int markRead(long id, String recipient, LocalDateTime at);

    @Modifying
    @Query("update Notification n set n.readAt = :at where n.recipient = :recipient and n.readAt is null")
    int markAllRead(String recipient, LocalDateTime at);
}
