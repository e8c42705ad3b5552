-- The language the mention was written in (ISO 639-1, 'en'), read when its task opened; null for tasks
-- opened before languages were read, which the API shows as unknown.
ALTER TABLE response_task ADD COLUMN language VARCHAR(8);
CREATE INDEX response_task_language ON response_task (language);
