-- A person's history is looked up for every new mention by the account's handle, whatever its case.
-- Comparing lower(author_handle) cannot use an index and read the whole mention table each time; the
-- handle is now stored folded, with an index on it. Written for both H2 and PostgreSQL.
alter table mention add column author_key varchar(500);
update mention set author_key = lower(author_handle);
create index mention_author_key on mention (platform, author_key);
