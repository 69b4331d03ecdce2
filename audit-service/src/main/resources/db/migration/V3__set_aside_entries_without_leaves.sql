-- Entries appended before V2 have no leaf, chain hash or tree nodes, and their sequence numbers
-- may have gaps, so they cannot be leaves of the verifiable log (and the appender cannot build on
-- them). Where any exist, every entry is set aside, unchanged, in audit_entries_unverified, and the
-- verifiable log starts again from entry 0. A fresh database has none: nothing happens.
do $$
begin
    if exists (select 1 from audit_entries where leaf is null) then
        create table audit_entries_unverified as select * from audit_entries order by seq;
        truncate audit_entries;
        truncate tree_nodes;
    end if;
end
$$;
