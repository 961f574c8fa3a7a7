-- 三员分立 at the database level too: a user holding ADMIN, SECURITY_ADMIN or AUDITOR holds no other role
-- (UserService refuses first, with a Chinese message; this stops a hand-written INSERT).
CREATE TRIGGER app_user_role_separation BEFORE INSERT ON app_user_role FOR EACH ROW
BEGIN
    IF EXISTS (SELECT 1 FROM app_user_role r
               WHERE r.user_id = NEW.user_id AND r.role <> NEW.role
                 AND (r.role IN ('ADMIN', 'SECURITY_ADMIN', 'AUDITOR')
                      OR NEW.role IN ('ADMIN', 'SECURITY_ADMIN', 'AUDITOR'))) THEN
        SIGNAL SQLSTATE '45000'
            SET MESSAGE_TEXT = 'separation of duties: ADMIN, SECURITY_ADMIN and AUDITOR combine with no other role';
    END IF;
END;
