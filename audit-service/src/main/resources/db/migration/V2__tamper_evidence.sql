-- Tamper evidence (issue #3). The appender now gives each entry its sequence number itself,
-- contiguous from 0, so that seq is the entry's leaf index in the RFC 9162 Merkle tree.
alter table audit_entries alter column seq drop identity;

-- leaf: the RFC 8785 canonical JSON of the entry, exactly the bytes its leaf hash covers.
-- hash: SHA-256(prev_hash || leaf), the chain of the seed design; prev_hash of entry 0 is 32 zero bytes.
alter table audit_entries
    add column leaf      text,
    add column prev_hash bytea,
    add column hash      bytea;

-- Every complete (perfect) subtree of the Merkle tree: level 0 holds the leaf hashes, level l the
-- roots of the subtrees over leaves [idx * 2^l, (idx + 1) * 2^l). Any proof or root needs at most
-- a few dozen of them, so no proof recomputes the tree.
create table tree_nodes (
    level smallint not null,
    idx   bigint   not null,
    hash  bytea    not null,
    primary key (level, idx)
);
