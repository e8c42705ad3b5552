-- An incident answers a burst of complaints, not one mention: its task has no mention of its own
-- (kind INCIDENT, mention_id null), and the burst it answers is kept here, updated while it lasts.
alter table response_task add column kind varchar(10) default 'MENTION' not null;
alter table response_task alter column mention_id drop not null;

create table incident (
    task_id        bigint        primary key references response_task (id),
    brand          varchar(100)  not null,
    -- the first complaint of the burst, and the latest one counted in it
    started_at     timestamp with time zone not null,
    last_heard_at  timestamp with time zone not null,
    -- the burst's negative mentions so far, and the connectors they came from, busiest first (comma-separated)
    mentions       int           not null,
    channels       varchar(2000) not null,
    -- each channel's platform, in the same order
    platforms      varchar(1000) not null,
    summary        varchar       not null,
    updated_at     timestamp with time zone not null
);
create index incident_brand on incident (brand, last_heard_at);

-- The holding statement goes out once per channel of the incident, as a post of its own (not a reply):
-- each acknowledged post is recorded here before the next, so a crash resumes with the channels left.
create table incident_post (
    task_id        bigint        not null references response_task (id),
    connector_id   varchar(100)  not null,
    posted_id      varchar(1000) not null,
    url            varchar(2000) not null,
    posted_at      timestamp with time zone not null,
    constraint incident_post_once primary key (task_id, connector_id)
);

-- Incidents opened before this version had a made-up mention ('earshot-spike:<brand>:<window>'): they
-- become incidents of their own, on the connector of that mention, and the made-up mention goes.
insert into incident (task_id, brand, started_at, last_heard_at, mentions, channels, platforms, summary,
                      updated_at)
    select t.id, m.brand, m.created_at, m.received_at, 0, m.connector_id, m.platform, m.text, t.updated_at
    from response_task t join mention m on m.id = t.mention_id
    where m.external_id like 'earshot-spike:%';
update response_task set kind = 'INCIDENT', mention_id = null
    where id in (select task_id from incident);
delete from score_correction where mention_id in (select id from mention where external_id like 'earshot-spike:%');
update mention set task_id = null where task_id in (select task_id from incident);
delete from mention where external_id like 'earshot-spike:%';
