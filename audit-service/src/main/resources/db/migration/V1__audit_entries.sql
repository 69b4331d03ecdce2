-- The audit log: one row per recorded action, in the order it was appended.
create table audit_entries (
    seq         bigint generated always as identity (minvalue 0 start with 0) primary key,
    event_id    uuid        not null unique,
    recorded_at timestamptz not null default now(),
    actor       text,
    action      text        not null,
    resource    text        not null,
    outcome     integer     not null,
    ip          text,
    user_agent  text,
    metadata    jsonb       not null default '{}'::jsonb,
    request_id  text,
    source      text        not null
);

create index audit_entries_action on audit_entries (action, seq desc);
create index audit_entries_actor on audit_entries (actor, seq desc);
create index audit_entries_resource on audit_entries (resource text_pattern_ops);
create index audit_entries_recorded_at on audit_entries (recorded_at);
