-- A reply the outbox stopped trying: the platform refused it for good (permanent_error), or it failed
-- as many times as the outbox allows (Wiring.Timings.maxPostAttempts). It keeps its last error and waits
-- until a person retries it, which clears this, resets its attempts and approves the task again.
alter table reply_outbox add column blocked_at timestamp with time zone;
-- Replies refused for good before this column existed were already never tried again: they are blocked.
update reply_outbox set blocked_at = current_timestamp where permanent_error = true and posted_at is null;
