package dev.vigil.audit.log.api;

import java.util.Base64;
import java.util.List;

import dev.vigil.audit.log.checkpoint.CheckpointSigner;
import dev.vigil.audit.log.domain.LogProofs;
import dev.vigil.common.problem.ProblemException;
import dev.vigil.common.problem.ProblemType;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Signed tree heads and RFC 9162 proofs, so anyone can check the log without trusting this server. */
@RestController
class ProofController {

    private final LogProofs tree;

    private final CheckpointSigner checkpoints;

    ProofController(LogProofs tree, CheckpointSigner checkpoints) {
        this.tree = tree;
        this.checkpoints = checkpoints;
    }

    @GetMapping(path = "/api/security/audit/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    Mono<String> checkpoint() {
        return this.checkpoints.latest();
    }

    @GetMapping(path = "/api/security/audit/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    String publicKey() {
        return this.checkpoints.verifierKey() + "\n";
    }

    @GetMapping("/api/security/audit/proof/inclusion")
    Mono<ProofResponse> inclusion(@RequestParam long seq, @RequestParam long treeSize) {
        return this.tree.size().flatMap(size -> {
            if (treeSize < 1 || treeSize > size || seq < 0 || seq >= treeSize) {
                return Mono.error(new ProblemException(ProblemType.BAD_REQUEST,
                        "need 0 <= seq < treeSize <= " + size + " (the log's current size)"));
            }
            return this.tree.inclusionProof(seq, treeSize).map(ProofResponse::of);
        });
    }

    @GetMapping("/api/security/audit/proof/consistency")
    Mono<ProofResponse> consistency(@RequestParam long from, @RequestParam long to) {
        return this.tree.size().flatMap(size -> {
            if (from < 1 || from > to || to > size) {
                return Mono.error(new ProblemException(ProblemType.BAD_REQUEST,
                        "need 1 <= from <= to <= " + size + " (the log's current size)"));
            }
            return this.tree.consistencyProof(from, to).map(ProofResponse::of);
        });
    }

    /** A proof: its hashes, base64, in RFC 9162 order. */
    record ProofResponse(List<String> hashes) {

        static ProofResponse of(List<byte[]> hashes) {
            return new ProofResponse(hashes.stream().map(Base64.getEncoder()::encodeToString).toList());
        }
    }
}
