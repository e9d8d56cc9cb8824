-- The moment the sender handed a mail's last byte to the SMTP server, before it asked for the server's verdict
-- (src/notify/outbox.cpp). A mail handed over whose sender stopped before recording the verdict may have been
-- accepted: it is never sent again, but marked sent and unconfirmed, so that no mail goes twice.
ALTER TABLE outbox ADD COLUMN handed_at bigint;
