package dev.vigil.audit.log.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/** The stored perfect subtrees of the Merkle tree (table {@code tree_nodes}). */
class TreeNodes {

    private final DatabaseClient db;

    TreeNodes(DatabaseClient db) {
        this.db = db;
    }

    /** A node's key: its level and its index within that level. */
    record Key(int level, long idx) {

        /** The perfect subtree over leaves [start, start + 2^level). */
        static Key covering(long start, long end) {
            int level = Long.numberOfTrailingZeros(end - start);
            return new Key(level, start >> level);
        }
    }

    /**
     * The right-most complete subtree at each level of a tree of {@code size} leaves: exactly the
     * left siblings that appending leaves after {@code size} can need.
     */
    static List<Key> frontier(long size) {
        List<Key> keys = new ArrayList<>();
        for (int level = 0; level < 63 && (size >> level) > 0; level++) {
            if (((size >> level) & 1) == 1) {
                keys.add(new Key(level, (size >> level) - 1));
            }
        }
        return keys;
    }

    Mono<Map<Key, byte[]>> fetch(List<Key> keys) {
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        StringBuilder sql = new StringBuilder("select level, idx, hash from tree_nodes where (level, idx) in (");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i > 0 ? "," : "").append("(:l").append(i).append(", :i").append(i).append(')');
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            values.put("l" + i, (short) keys.get(i).level());
            values.put("i" + i, keys.get(i).idx());
        }
        // All values in one call: bound one by one, each bind copies the ones before it.
        return this.db.sql(sql.append(')').toString()).bindValues(values).map(row -> Map.entry(new Key(row.get("level", Short.class), row.get("idx", Long.class)),
                row.get("hash", byte[].class)))
            .all()
            .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }

    Mono<Void> insert(Map<Key, byte[]> nodes) {
        if (nodes.isEmpty()) {
            return Mono.empty();
        }
        List<Map.Entry<Key, byte[]>> rows = new ArrayList<>(nodes.entrySet());
        StringBuilder sql = new StringBuilder("insert into tree_nodes (level, idx, hash) values ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i > 0 ? "," : "").append("(:l").append(i).append(", :i").append(i).append(", :h").append(i).append(')');
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            values.put("l" + i, (short) rows.get(i).getKey().level());
            values.put("i" + i, rows.get(i).getKey().idx());
            values.put("h" + i, rows.get(i).getValue());
        }
        return this.db.sql(sql.toString()).bindValues(values).then();
    }
}
