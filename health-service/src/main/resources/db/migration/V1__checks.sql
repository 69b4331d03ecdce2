-- Health checks (issue #4): what to check, and every result.
create table checks (
    id              text        primary key,
    service         text        not null,
    region          text        not null default 'global',
    kind            text        not null check (kind in ('http', 'tcp', 'postgres', 'kafka', 'tls')),
    target          text        not null,
    interval_ms     bigint      not null check (interval_ms >= 1000),
    timeout_ms      bigint      not null check (timeout_ms >= 100),
    expected_status int,
    max_latency_ms  bigint,
    body_contains   text,
    min_days_left   int,
    -- config: from application configuration (re-read at every start); api: created through the API.
    origin          text        not null check (origin in ('config', 'api')),
    updated_at      timestamptz not null default now()
);

create table health_checks (
    id         bigint      generated always as identity primary key,
    check_id   text        not null,
    service    text        not null,
    region     text        not null,
    checked_at timestamptz not null,
    ok         boolean     not null,
    latency_ms bigint      not null,
    error      text
);
create index health_checks_history on health_checks (check_id, checked_at desc);
create index health_checks_age on health_checks (checked_at);
