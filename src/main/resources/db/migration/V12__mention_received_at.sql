-- The retention job prunes mentions that never became tasks by when they arrived.
create index mention_received_at on mention (received_at);
