-- On the primary: the replication account (password of your own).
CREATE USER IF NOT EXISTS 'repl'@'%' IDENTIFIED BY 'change-me';
GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%';

-- On the replica, after restoring a mariadb-backup of the primary (docs/deploy.md) or on an empty primary:
--   CHANGE MASTER TO MASTER_HOST='db1', MASTER_PORT=3306, MASTER_USER='repl', MASTER_PASSWORD='change-me',
--                    MASTER_USE_GTID=slave_pos;
--   START SLAVE;
-- Promotion of the replica when the primary is gone:
--   STOP SLAVE; RESET SLAVE ALL; SET GLOBAL read_only = OFF;
