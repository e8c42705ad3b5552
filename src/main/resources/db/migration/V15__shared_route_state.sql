-- An alert route whose webhook Slack refused for good (403, 404, 410) is stopped for every node, not only
-- the one that met the refusal. The stop holds for the webhook it was met on (kept as a SHA-256
-- fingerprint, never the secret URL): a config that gives the route another webhook starts it again.
create table alert_route_state (
    route          varchar(100)  primary key,
    webhook_sha256 varchar(64)   not null,
    problem        varchar       not null,
    stopped_at     timestamp with time zone not null
);
