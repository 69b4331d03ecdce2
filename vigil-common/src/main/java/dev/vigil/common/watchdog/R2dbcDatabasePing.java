package dev.vigil.common.watchdog;

import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code select 1} through the service's own connection factory, so it sees what the service sees. */
public class R2dbcDatabasePing implements DatabasePing {

    private final ConnectionFactory database;

    public R2dbcDatabasePing(ConnectionFactory database) {
        this.database = database;
    }

    @Override
    public Mono<Void> ping() {
        return Mono.usingWhen(Mono.from(this.database.create()),
                connection -> Flux.from(connection.createStatement("select 1").execute())
                    .flatMap(result -> result.map((row, meta) -> 1))
                    .then(),
                connection -> Mono.from(connection.close()));
    }
}
