package dev.vigil.verify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * C2SP signed notes: a text ending in a newline, a blank line, then one line per signature,
 * {@code — <key name> base64(key hash || Ed25519 signature of the text)}.
 */
public final class SignedNote {

    private static final String SIGNATURE_PREFIX = "\u2014 ";

    private SignedNote() {
    }

    /** Signs {@code text} (which must end in a newline) with a signer key. */
    public static String sign(String text, NoteKey signer) {
        if (!text.endsWith("\n") || signer.privateKey() == null) {
            throw new IllegalArgumentException("a note's text ends in a newline, and signing needs a signer key");
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(signer.privateKey());
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            byte[] blob = NoteKey.concat(signer.keyHash(), ed25519.sign());
            return text + "\n" + SIGNATURE_PREFIX + signer.name() + " " + Base64.getEncoder().encodeToString(blob) + "\n";
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The note's text when a signature by {@code verifier} checks out; otherwise an exception saying why not. */
    public static String open(String note, NoteKey verifier) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new NoteException("not a signed note: no blank line before the signatures");
        }
        String text = note.substring(0, split + 1);
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new NoteException("malformed signature line: " + line);
            }
            String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ");
            if (parts.length != 2 || !parts[0].equals(verifier.name())) {
                continue;
            }
            byte[] blob = Base64.getDecoder().decode(parts[1]);
            if (blob.length == 68 && Arrays.equals(Arrays.copyOf(blob, 4), verifier.keyHash())
                    && verifies(text, Arrays.copyOfRange(blob, 4, 68), verifier)) {
                return text;
            }
            throw new NoteException("the signature of " + verifier.name() + " does not verify");
        }
        throw new NoteException("the note carries no signature of " + verifier.name());
    }

    private static boolean verifies(String text, byte[] signature, NoteKey verifier) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(verifier.publicKey());
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(signature);
        }
        catch (GeneralSecurityException ex) {
            return false;
        }
    }

    /** A note that cannot be trusted, and why. */
    public static class NoteException extends RuntimeException {

        NoteException(String message) {
            super(message);
        }
    }
}
