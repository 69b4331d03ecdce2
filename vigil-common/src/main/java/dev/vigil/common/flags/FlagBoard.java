package dev.vigil.common.flags;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The flags as this service last read them from {@code vigil.flags.v1}. Kept in memory, so every
 * service knows them even while the database is down.
 */
public class FlagBoard {

    /** Raised by the health service while the database is lost, and by admins. */
    public static final String SAFE_MODE = "safe_mode";

    private final Map<String, FlagState> flags = new ConcurrentHashMap<>();

    public Optional<FlagState> get(String key) {
        return Optional.ofNullable(this.flags.get(key));
    }

    /** Every flag known, by name. */
    public Map<String, FlagState> all() {
        return new TreeMap<>(this.flags);
    }

    public boolean isEnabled(String key) {
        return get(key).map(FlagState::enabled).orElse(false);
    }

    /** Records a flag's new state; {@code null} (a tombstone) forgets it. */
    public void put(String key, FlagState state) {
        this.flags.put(key, state);
    }

    public void forget(String key) {
        this.flags.remove(key);
    }
}
