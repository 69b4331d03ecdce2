-- Shared by every service, in that service's own schema.

-- Events written in the same transaction as the state change they announce;
-- the relay publishes them to Kafka in position order and then deletes them.
create table outbox (
    position   bigserial   primary key,
    event_id   uuid        not null unique,
    topic      text        not null,
    event_key  text        not null,
    payload    text        not null,
    created_at timestamptz not null default now()
);

-- Ids of the events a consumer has applied, written in the same transaction as the effect,
-- so that a redelivered event changes nothing.
create table processed_events (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
