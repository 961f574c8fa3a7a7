-- On the primary: the replication account (password of your own).
CREATE USER IF NOT EXISTS 'repl'@'%' IDENTIFIED BY 'change-me';
GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%';
-- The app's account may read the replica's status (civitas_db_replica_lag_seconds, docs/operations.md); once the
-- account exists (docs/operations.md), on the primary:
--   GRANT SLAVE MONITOR ON *.* TO 'civitas'@'app-host';

-- On the replica, after restoring a mariadb-backup of the primary (docs/deploy.md) or on an empty primary:
--   CHANGE MASTER TO MASTER_HOST='db1', MASTER_PORT=3306, MASTER_USER='repl', MASTER_PASSWORD='change-me',
--                    MASTER_USE_GTID=slave_pos;
--   START SLAVE;
-- Promotion of the replica when the primary is gone:
--   STOP SLAVE; RESET SLAVE ALL; SET GLOBAL read_only = OFF;
