package dev.vigil.audit.log.checkpoint;

import dev.vigil.audit.log.domain.LogProofs;
import dev.vigil.verify.Checkpoint;
import dev.vigil.verify.NoteKey;
import dev.vigil.verify.SignedNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Signs the log's current tree head as a C2SP checkpoint in a signed note. */
@Component
@EnableConfigurationProperties(CheckpointProperties.class)
public class CheckpointSigner {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);

    private final LogProofs tree;

    private final NoteKey key;

    private final String origin;

    CheckpointSigner(LogProofs tree, CheckpointProperties properties) {
        this.tree = tree;
        this.origin = properties.origin();
        String configured = properties.signingKey();
        if (configured == null || configured.isBlank()) {
            this.key = NoteKey.generate(properties.origin());
            log.warn("DEVELOPMENT ONLY: no vigil.audit.checkpoint.signing-key configured; generated one for this run. "
                    + "Checkpoints signed now will not verify after a restart. Verifier key: {}", this.key.verifierKey());
        }
        else {
            this.key = NoteKey.signer(configured);
            if (!this.key.name().equals(this.origin)) {
                throw new IllegalStateException("the signing key is named " + this.key.name() + " but the log's origin is "
                        + this.origin);
            }
        }
    }

    /** The signed note of the checkpoint at the current size. */
    public Mono<String> latest() {
        return this.tree.size()
            .flatMap(size -> this.tree.root(size)
                .map(root -> SignedNote.sign(new Checkpoint(this.origin, size, root).text(), this.key)));
    }

    /** The key that verifies the checkpoints, in signed-note form. */
    public String verifierKey() {
        return this.key.verifierKey();
    }
}
