package dev.vigil.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vigil.common.testing.TestPostgres;
import dev.vigil.verify.Checkpoint;
import dev.vigil.verify.LeafList;
import dev.vigil.verify.MerkleTree;
import dev.vigil.verify.NoteKey;
import dev.vigil.verify.SignedNote;
import dev.vigil.verify.VerifyCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log as an auditor checks it: signed checkpoints, leaves and proofs from the API, verified
 * with nothing but vigil-verify and the published key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, topics = "vigil.audit.v1")
class TransparencyIT {

    private static final String SCHEMA = TestPostgres.freshSchema("audit_tlog_it");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.springProperties(SCHEMA).forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
    }

    @Test
    void checkpointsLeavesAndProofsVerifyOffline() {
        append(13);
        NoteKey key = NoteKey.verifier(text("/api/security/audit/public-key").strip());
        Checkpoint first = Checkpoint.parse(SignedNote.open(text("/api/security/audit/checkpoint"), key));
        assertThat(first.origin()).isEqualTo("vigil.dev/audit");

        LeafList leaves = leaves();
        assertThat(leaves.root(first.size())).as("the signed root is the root of the leaves served").isEqualTo(first.rootHash());
        for (long seq = 0; seq < first.size(); seq++) {
            List<byte[]> proof = proof("/api/security/audit/proof/inclusion?seq=" + seq + "&treeSize=" + first.size());
            assertThat(MerkleTree.verifyInclusion(seq, first.size(), leaves.hash(seq, seq + 1), proof, first.rootHash()))
                .as("inclusion of %d", seq)
                .isTrue();
        }

        append(6);
        Checkpoint second = Checkpoint.parse(SignedNote.open(text("/api/security/audit/checkpoint"), key));
        List<byte[]> consistency = proof(
                "/api/security/audit/proof/consistency?from=" + first.size() + "&to=" + second.size());
        assertThat(second.size()).isEqualTo(first.size() + 6);
        assertThat(MerkleTree.verifyConsistency(first.size(), second.size(), first.rootHash(), second.rootHash(),
                consistency))
            .isTrue();
    }

    @Test
    void theCommandLineVerifierChecksAnExportAgainstCheckpoints(@TempDir Path dir) throws Exception {
        append(5);
        Files.writeString(dir.resolve("key.pub"), text("/api/security/audit/public-key"));
        String older = text("/api/security/audit/checkpoint");
        Files.writeString(dir.resolve("older.checkpoint"), older);
        long olderSize = Checkpoint.parse(older.substring(0, older.indexOf("\n\n") + 1)).size();
        append(4);
        String newer = text("/api/security/audit/checkpoint");
        Files.writeString(dir.resolve("newer.checkpoint"), newer);
        long newerSize = Checkpoint.parse(newer.substring(0, newer.indexOf("\n\n") + 1)).size();
        String export = this.client.get()
            .uri("/api/security/audit/logs")
            .accept(MediaType.APPLICATION_NDJSON)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        Files.writeString(dir.resolve("log.ndjson"), export);
        Files.writeString(dir.resolve("proof.json"), text("/api/security/audit/proof/consistency?from=" + olderSize
                + "&to=" + newerSize));

        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int status = new VerifyCommand(new PrintStream(report, true, StandardCharsets.UTF_8)).run(VerifyCommand.options(
                new String[] { "--key", dir.resolve("key.pub").toString(), "--checkpoint",
                        dir.resolve("newer.checkpoint").toString(), "--log", dir.resolve("log.ndjson").toString(),
                        "--previous", dir.resolve("older.checkpoint").toString(), "--consistency",
                        dir.resolve("proof.json").toString() }));
        assertThat(status).as(report.toString(StandardCharsets.UTF_8)).isZero();

        String[] shownAndLeaf = { "\"action\":\"tlog-test\"", "\\\"action\\\":\\\"tlog-test\\\"" };
        for (String original : shownAndLeaf) {
            Files.writeString(dir.resolve("log.ndjson"), export.replaceFirst(Pattern.quote(original),
                    Matcher.quoteReplacement(original.replace("tlog-test", "tlog-TEST"))));
            int tampered = new VerifyCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run(VerifyCommand.options(new String[] { "--key", dir.resolve("key.pub").toString(), "--checkpoint",
                        dir.resolve("newer.checkpoint").toString(), "--log", dir.resolve("log.ndjson").toString() }));
            assertThat(tampered).as("an export with %s changed", original).isEqualTo(1);
        }
    }

    @Test
    void everyEntryCarriesTheLeafItsHashCovers() {
        append(1);
        JsonNode entry = this.client.get()
            .uri("/api/security/audit/logs?limit=1")
            .exchange()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody()
            .get("items")
            .get(0);
        JsonNode leaf = JsonMapper.builder().build().readTree(entry.get("leaf").asString());
        assertThat(leaf.get("seq").asLong()).isEqualTo(entry.get("seq").asLong());
        assertThat(leaf.get("action").asString()).isEqualTo(entry.get("action").asString());
        assertThat(leaf.get("time").asString()).isEqualTo(entry.get("time").asString());
    }

    @Test
    void refusesProofsOutsideTheLog() {
        append(2);
        this.client.get().uri("/api/security/audit/proof/inclusion?seq=5&treeSize=3").exchange().expectStatus().isBadRequest();
        this.client.get().uri("/api/security/audit/proof/inclusion?seq=0&treeSize=999999").exchange().expectStatus().isBadRequest();
        this.client.get().uri("/api/security/audit/proof/consistency?from=0&to=1").exchange().expectStatus().isBadRequest();
        this.client.get().uri("/api/security/audit/proof/consistency?from=2&to=1").exchange().expectStatus().isBadRequest();
        this.client.get().uri("/api/security/audit/proof/inclusion?seq=x&treeSize=1").exchange().expectStatus().isBadRequest();
    }

    private void append(int count) {
        for (int i = 0; i < count; i++) {
            this.client.post()
                .uri("/api/security/audit/logs")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("action", "tlog-test", "resource", "/r/" + i, "metadata", Map.of("n", i, "f", 1.5)))
                .exchange()
                .expectStatus()
                .isCreated();
        }
    }

    /** Every leaf, in sequence order, as an auditor exporting the log would get them. */
    private LeafList leaves() {
        List<byte[]> hashes = new ArrayList<>();
        String cursor = null;
        List<JsonNode> newestFirst = new ArrayList<>();
        do {
            JsonNode page = this.client.get()
                .uri("/api/security/audit/logs?limit=1000" + (cursor != null ? "&cursor=" + cursor : ""))
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
            page.get("items").forEach(newestFirst::add);
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
        }
        while (cursor != null);
        for (JsonNode entry : newestFirst.reversed()) {
            hashes.add(MerkleTree.leafHash(entry.get("leaf").asString().getBytes(StandardCharsets.UTF_8)));
        }
        return new LeafList(hashes);
    }

    private String text(String path) {
        return this.client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
            .getResponseBody();
    }

    private List<byte[]> proof(String path) {
        JsonNode body = this.client.get().uri(path).exchange().expectStatus().isOk().expectBody(JsonNode.class)
            .returnResult().getResponseBody();
        List<byte[]> hashes = new ArrayList<>();
        body.get("hashes").forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asString())));
        return hashes;
    }
}
