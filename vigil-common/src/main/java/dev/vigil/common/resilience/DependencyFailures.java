package dev.vigil.common.resilience;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Which errors say a dependency failed (it did not answer, refused the connection, or lost it), as
 * opposed to the caller's or the data's fault (a conflict, a constraint, a bad query). Only the
 * first kind opens breakers and is retried. Known by name where the type belongs to a library a
 * service may not have.
 */
final class DependencyFailures {

    private static final Set<String> FAILURE_TYPES = Set.of(
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessResourceException",
            "org.springframework.dao.QueryTimeoutException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "io.r2dbc.spi.R2dbcNonTransientResourceException", "io.r2dbc.spi.R2dbcTransientResourceException",
            "io.r2dbc.spi.R2dbcTimeoutException", "org.apache.kafka.common.errors.RetriableException",
            "org.springframework.web.reactive.function.client.WebClientRequestException");

    private DependencyFailures() {
    }

    static boolean is(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof IOException) {
                return true;
            }
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (FAILURE_TYPES.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
