-- A reply that promises to come back (draft follow_up) opens a follow-up when it is approved: due
-- within the policy's hearBackWithin, done when a person says so. Until then the task is not resolved.
alter table response_task add column follow_up_due_at timestamp with time zone;
alter table response_task add column follow_up_done_at timestamp with time zone;
alter table response_task add column follow_up_done_by varchar(200);
create index response_task_follow_up on response_task (follow_up_due_at, follow_up_done_at);
