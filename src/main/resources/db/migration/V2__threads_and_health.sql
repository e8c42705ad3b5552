-- Mentions of one conversation (replies, reposts, quotes) fold into the open task of the first one.
alter table mention add column thread_key varchar(1000) default '' not null;
alter table mention add column language varchar(20) default '' not null;
alter table mention add column task_id bigint;
create index mention_thread on mention (platform, thread_key);
create index mention_task on mention (task_id);
create index mention_connector_received on mention (connector_id, received_at);

-- An authentication failure or another error that retrying will not fix.
alter table connector_health add column last_error_permanent boolean default false not null;
