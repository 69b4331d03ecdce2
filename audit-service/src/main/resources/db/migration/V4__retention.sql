-- Retention (issue #3). Pruning deletes a prefix of the log, entries [0, pruned_before); the tree
-- nodes stay, so the root, every proof and the signed checkpoints still hold, and verification
-- resumes the chain from anchor_hash, the chain hash of the last entry pruned.
create table log_prunes (
    pruned_before bigint      primary key,
    anchor_hash   bytea       not null,
    cutoff        timestamptz not null,
    pruned_at     timestamptz not null default now(),
    -- The signed tree head just before the prune: proof of what the pruned entries added up to.
    checkpoint    text        not null
);
