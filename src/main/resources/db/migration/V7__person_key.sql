-- The same person on several platforms: a mention's account name (without "@" and instance) and first
-- name, so that a customer's history counts their mentions on every channel. Mentions stored before
-- this column link within their own platform only.
alter table mention add column person_key varchar(600);
create index mention_person on mention (person_key);
