package dev.vigil.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line: loads each target in turn at each rate, after a warm-up, and prints a Markdown
 * table. Usage:
 * <pre>
 * java -jar bench/target/bench.jar --rates 200,500 --seconds 30 --warmup 10 \
 *      --header "Authorization: Bearer …" name=http://… [name=http://… …]
 * </pre>
 */
public final class LoadDriver {

    private LoadDriver() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        List<Integer> rates = List.of(200);
        int seconds = 30;
        int warmup = 10;
        Map<String, String> headers = new LinkedHashMap<>();
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rates" -> rates = List.of(args[++i].split(",")).stream().map(Integer::valueOf).toList();
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--header" -> {
                    String[] header = args[++i].split(":\\s*", 2);
                    headers.put(header[0], header[1]);
                }
                default -> {
                    String[] target = args[i].split("=", 2);
                    targets.add(new Target(target[0], URI.create(target[1]), headers));
                }
            }
        }
        if (targets.isEmpty()) {
            System.err.println("usage: LoadDriver [--rates r1,r2] [--seconds s] [--warmup s] [--header 'K: V'] name=uri ...");
            System.exit(64);
        }
        HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
        OpenLoopRun runner = new OpenLoopRun(http);
        List<OpenLoopRun.Result> results = new ArrayList<>();
        for (Target target : targets) {
            runner.run(target, rates.getFirst(), Duration.ofSeconds(warmup));
        }
        for (int rate : rates) {
            for (Target target : targets) {
                results.add(runner.run(target, rate, Duration.ofSeconds(seconds)));
            }
        }
        System.out.println("| target | offered req/s | achieved req/s | p50 ms | p99 ms | p99.9 ms | max ms | errors | dropped |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (OpenLoopRun.Result r : results) {
            System.out.printf("| %s | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %s | %d |%n", r.target(), r.offeredRate(),
                    r.throughput(), r.millis(50), r.millis(99), r.millis(99.9), r.latency().getMaxValue() / 1e6,
                    r.failed() == 0 ? "0" : r.failed() + " " + r.errors(), r.dropped());
        }
    }
}
