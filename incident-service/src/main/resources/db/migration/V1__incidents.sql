-- Incidents (issue #4). At most one unresolved incident per signature: that index is what makes
-- deduplication exact, since every occurrence is one atomic upsert against it.
create table incidents (
    id               uuid        primary key,
    signature        text        not null,
    source           text        not null,
    title            text        not null,
    description      text,
    severity         text        not null check (severity in ('info', 'low', 'medium', 'high', 'critical')),
    status           text        not null check (status in ('open', 'investigating', 'mitigated', 'resolved')),
    occurrence_count bigint      not null default 1,
    detected_at      timestamptz not null,
    last_seen_at     timestamptz not null,
    resolved_at      timestamptz,
    assignee         text,
    -- Set once a person changes the incident: automation then no longer resolves it.
    taken_over       boolean     not null default false,
    context          jsonb       not null default '{}',
    updated_at       timestamptz not null default now()
);
create unique index incidents_one_unresolved_per_signature on incidents (signature) where status <> 'resolved';
create index incidents_newest_first on incidents (detected_at desc, id desc);

-- Every change of an incident: who, when, what, and why.
create table incident_timeline (
    id          bigint      generated always as identity primary key,
    incident_id uuid        not null references incidents (id),
    at          timestamptz not null default now(),
    actor       text        not null,
    kind        text        not null,
    change      jsonb       not null default '{}',
    note        text
);
create index incident_timeline_by_incident on incident_timeline (incident_id, id);
