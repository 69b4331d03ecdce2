package dev.vigil.devstack.issuer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The dev clients, in memory. Spring's in-memory repository refuses two clients with the same
 * secret, and every dev client shares {@code dev-secret} on purpose, so this one does not check.
 */
class DevClientRepository implements RegisteredClientRepository {

    private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();

    private final Map<String, RegisteredClient> byClientId = new ConcurrentHashMap<>();

    DevClientRepository(List<RegisteredClient> clients) {
        clients.forEach(this::save);
    }

    @Override
    public void save(RegisteredClient client) {
        this.byId.put(client.getId(), client);
        this.byClientId.put(client.getClientId(), client);
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return this.byId.get(id);
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        return this.byClientId.get(clientId);
    }
}
