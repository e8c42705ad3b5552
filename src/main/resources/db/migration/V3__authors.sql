-- The people behind mentions, one row per platform account, kept current with every mention they send.
create table author (
    platform         varchar(20)  not null,
    handle           varchar(500) not null,
    name             varchar(500) not null,
    followers        bigint       not null,
    first_seen       timestamp with time zone not null,
    last_seen        timestamp with time zone not null,
    mentions         int          not null,
    constraint author_pk primary key (platform, handle)
);
insert into author (platform, handle, name, followers, first_seen, last_seen, mentions)
    select platform, lower(author_handle), max(author_name), max(author_followers), min(received_at), max(received_at),
           count(*)
    from mention group by platform, lower(author_handle);
