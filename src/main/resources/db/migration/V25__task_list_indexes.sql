-- The task list's filters (see store/TaskListQuery): by urgency level within a state, by brand, and the
-- list without a state filter in its default order. State, assignee, due time, creation time and language
-- have theirs already (V1, V18, V21); platform is the first column of mention_author (V1).
create index response_task_level on response_task (urgency_level, state, priority);
create index response_task_priority on response_task (priority, created_at);
create index mention_brand on mention (brand);
