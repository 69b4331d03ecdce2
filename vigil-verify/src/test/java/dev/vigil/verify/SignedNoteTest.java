package dev.vigil.verify;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Signed notes against the reference example of golang.org/x/mod/sumdb/note, which C2SP's format is. */
class SignedNoteTest {

    private static final String SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

    private static final String VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";

    private static final String NOTE = TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void signsTheReferenceNoteByteForByte() {
        assertThat(SignedNote.sign(TEXT, NoteKey.signer(SIGNER))).isEqualTo(NOTE);
    }

    @Test
    void derivesTheReferenceVerifierKeyFromTheSignerKey() {
        assertThat(NoteKey.signer(SIGNER).verifierKey()).isEqualTo(VERIFIER);
        assertThat(HexFormat.of().formatHex(NoteKey.verifier(VERIFIER).keyHash())).isEqualTo("c74f20a3");
    }

    @Test
    void opensTheReferenceNoteAndRefusesAnAlteredOne() {
        NoteKey verifier = NoteKey.verifier(VERIFIER);
        assertThat(SignedNote.open(NOTE, verifier)).isEqualTo(TEXT);
        assertThatExceptionOfType(SignedNote.NoteException.class)
            .isThrownBy(() -> SignedNote.open(NOTE.replace("cryptography", "cryptographY"), verifier));
        assertThatExceptionOfType(SignedNote.NoteException.class)
            .isThrownBy(() -> SignedNote.open(NOTE, NoteKey.generate("PeterNeumann")));
    }

    @Test
    void refusesAKeyWhoseHashDoesNotMatch() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> NoteKey.verifier(VERIFIER.replace("c74f20a3", "c74f20a4")));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> NoteKey.verifier(VERIFIER.replace("PeterNeumann", "PaulNeumann")));
    }

    @Test
    void aCheckpointSignedByAGeneratedKeyOpensWithItsVerifierKey() {
        NoteKey log = NoteKey.generate("vigil.example/audit");
        Checkpoint checkpoint = new Checkpoint("vigil.example/audit", 8,
                HexFormat.of().parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

        String note = SignedNote.sign(checkpoint.text(), log);
        Checkpoint opened = Checkpoint.parse(SignedNote.open(note, NoteKey.verifier(log.verifierKey())));

        assertThat(note).startsWith("vigil.example/audit\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n\u2014 vigil.example/audit ");
        assertThat(opened.size()).isEqualTo(8);
        assertThat(opened.rootHash()).isEqualTo(checkpoint.rootHash());
    }
}
