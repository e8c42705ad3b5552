-- What the team knew of the person when their mention was heard (their history on every channel), kept
-- on the task so that the queue can show it without counting again for every card.
alter table response_task add column customer_mentions int default 0 not null;
alter table response_task add column customer_complaints int default 0 not null;
alter table response_task add column customer_replies int default 0 not null;
alter table response_task add column customer_channels varchar(200) default '' not null;
