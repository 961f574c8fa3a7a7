package org.civitas.notify;

import org.springframework.data.repository.Repository;

/** Insert only: the dispatcher reads and updates the outbox with row locks in plain SQL. */
interface OutboxRepository extends Repository<OutboxMessage, Long> {

    OutboxMessage save(OutboxMessage m);
}
