-- The learned model scores off the poll thread: a task opens with the lexicon's scores and waits here
-- until the model-scoring job has read it (see task.ModelScoring); false for every task before.
ALTER TABLE response_task ADD COLUMN model_pending BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX response_task_model_pending ON response_task (model_pending, id);
