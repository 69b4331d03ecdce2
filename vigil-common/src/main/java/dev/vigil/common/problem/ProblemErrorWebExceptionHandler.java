package dev.vigil.common.problem;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Answers every error that escapes a handler with problem details. It runs before Spring
 * Boot's own error handler, so no service ever answers with a non-problem error body, and
 * a 5xx never leaks an exception's message.
 */
@Order(-2)
public class ProblemErrorWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ProblemException problem) {
            return Problems.write(exchange, problem.kind(), problem.getMessage(), problem.properties());
        }
        if (error instanceof WebExchangeBindException invalid) {
            return Problems.write(exchange, ProblemType.BAD_REQUEST, "The request is invalid.",
                    Map.of("errors", fieldErrors(invalid)));
        }
        if (causedBy(error, DataBufferLimitException.class)) {
            return Problems.write(exchange, ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than this endpoint accepts.");
        }
        if (error instanceof ServerWebInputException input) {
            return Problems.write(exchange, ProblemType.BAD_REQUEST, inputDetail(input));
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().value() < 500) {
            return Problems.write(exchange, ProblemType.forStatus(status.getStatusCode().value()), status.getReason());
        }
        if (error instanceof ResponseStatusException status) {
            ProblemType kind = ProblemType.forStatus(status.getStatusCode().value());
            return Problems.write(exchange, kind, null);
        }
        log.error("Unhandled error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return Problems.write(exchange, ProblemType.INTERNAL, null);
    }

    private static List<String> fieldErrors(WebExchangeBindException invalid) {
        return invalid.getFieldErrors()
            .stream()
            .map(field -> field.getField() + ": " + field.getDefaultMessage())
            .sorted()
            .toList();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String inputDetail(ServerWebInputException input) {
        String reason = (input.getReason() != null) ? input.getReason() : "the request could not be read";
        Throwable cause = input.getMostSpecificCause();
        return (cause != input && cause.getMessage() != null) ? reason + ": " + firstLine(cause.getMessage()) : reason;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return (end < 0) ? message : message.substring(0, end);
    }
}
