package dev.vigil.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.vigil.audit.log.retention.RetentionProperties;
import dev.vigil.audit.log.retention.RetentionPruner;
import dev.vigil.common.testing.TestPostgres;
import dev.vigil.verify.Checkpoint;
import dev.vigil.verify.MerkleTree;
import dev.vigil.verify.NoteKey;
import dev.vigil.verify.SignedNote;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Entries past the retention are pruned, the prune is itself audited, and what stays still verifies. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, topics = { "vigil.audit.v1", "vigil.incident.v1" })
class RetentionIT {

    private static final String SCHEMA = TestPostgres.freshSchema("audit_retention_it");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.springProperties(SCHEMA).forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    RetentionPruner pruner;

    @Test
    void prunedLogStillVerifiesAgainstItsCheckpoints() throws Exception {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
        for (int n = 0; n < 10; n++) {
            client.post().uri("/api/security/audit/logs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("action", "deploy", "resource", "/svc/" + n)).exchange().expectStatus().isCreated();
        }
        NoteKey key = NoteKey.verifier(text(client, "/api/security/audit/public-key").strip());
        Checkpoint before = Checkpoint.parse(SignedNote.open(text(client, "/api/security/audit/checkpoint"), key));
        sql("update audit_entries set recorded_at = now() - interval '91 days' where seq < 6");

        assertThat(this.pruner.prune().block().prunedBefore()).isEqualTo(6);
        assertThat(this.pruner.prune().block().prunedBefore()).as("nothing more to prune").isEqualTo(6);

        JsonNode items = client.get().uri("/api/security/audit/logs?limit=100").exchange().expectBody(JsonNode.class)
            .returnResult().getResponseBody().get("items");
        List<Long> seqs = new ArrayList<>();
        items.forEach(item -> seqs.add(item.get("seq").asLong()));
        assertThat(seqs).as("entries 0-5 pruned, the prune recorded once as entry 10").containsExactly(10L, 9L, 8L, 7L, 6L);
        JsonNode prune = items.get(0);
        assertThat(prune.get("action").asString()).isEqualTo("audit.prune");
        assertThat(prune.get("metadata").get("prunedBefore").asLong()).isEqualTo(6);

        JsonNode verification = verify(client);
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("checked").asLong()).isEqualTo(5);
        assertThat(verification.get("prunedBefore").asLong()).isEqualTo(6);

        Checkpoint after = Checkpoint.parse(SignedNote.open(text(client, "/api/security/audit/checkpoint"), key));
        assertThat(MerkleTree.verifyConsistency(before.size(), after.size(), before.rootHash(), after.rootHash(),
                proof(client, "/api/security/audit/proof/consistency?from=" + before.size() + "&to=" + after.size())))
            .as("the tree over the pruned entries is the one signed before")
            .isTrue();
        byte[] leaf7 = MerkleTree.leafHash(items.get(3).get("leaf").asString().getBytes(StandardCharsets.UTF_8));
        assertThat(MerkleTree.verifyInclusion(7, after.size(), leaf7,
                proof(client, "/api/security/audit/proof/inclusion?seq=7&treeSize=" + after.size()), after.rootHash()))
            .isTrue();

        sql("update audit_entries set action = 'nothing-to-see' where seq = 7");
        assertThat(verify(client).get("firstBrokenSeq").asLong()).isEqualTo(7);
        sql("update audit_entries set action = 'deploy' where seq = 7");
        sql("update log_prunes set anchor_hash = sha256('forged')");
        assertThat(verify(client).get("firstBrokenSeq").asLong()).as("the chain hangs on the prune's anchor").isEqualTo(6);
        assertThat(verify(client).get("reason").asString()).contains("chain");
    }

    @Test
    void retentionIsNeverShorterThanNinetyDays() {
        assertThatThrownBy(() -> new RetentionProperties(Duration.ofDays(30), Duration.ofHours(6)))
            .hasMessageContaining("minimum");
        assertThat(new RetentionProperties(Duration.ofDays(365), Duration.ofHours(6)).retention()).hasDays(365);
    }

    private static JsonNode verify(WebTestClient client) {
        return client.post().uri("/api/security/audit/verify").contentType(MediaType.APPLICATION_JSON).exchange()
            .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static String text(WebTestClient client, String path) {
        return client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
            .getResponseBody();
    }

    private static List<byte[]> proof(WebTestClient client, String path) {
        List<byte[]> hashes = new ArrayList<>();
        client.get().uri(path).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
            .getResponseBody().get("hashes").forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asString())));
        return hashes;
    }

    private static void sql(String statement) throws Exception {
        try (Connection connection = TestPostgres.connect(); Statement sql = connection.createStatement()) {
            sql.execute("set search_path to " + SCHEMA);
            sql.execute(statement);
        }
    }
}
