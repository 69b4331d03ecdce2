package dev.vigil.verify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * An Ed25519 key in the C2SP signed-note format: {@code name+keyhash+base64(0x01 || key)}, where
 * the key hash is the first four bytes of {@code SHA-256(name || "\n" || 0x01 || public key)}.
 * Signer keys carry the 32-byte seed and start with {@code PRIVATE+KEY+}.
 *
 * @param name the key's name, which signature lines repeat
 * @param keyHash the four-byte key hash
 * @param publicKey the verifying key
 * @param privateKey the signing key, or null for a verifier key
 */
public record NoteKey(String name, byte[] keyHash, PublicKey publicKey, @Nullable PrivateKey privateKey) {

    static final byte ED25519 = 0x01;

    private static final String PRIVATE_PREFIX = "PRIVATE+KEY+";

    // The DER header that turns a raw Ed25519 public key into the X.509 encoding the JDK reads.
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");


    /** Reads a verifier key such as {@code PeterNeumann+c74f20a3+ARpc…}. */
    public static NoteKey verifier(String encoded) {
        String[] parts = split(encoded);
        byte[] key = decodeKey(parts[2]);
        NoteKey verifier = new NoteKey(parts[0], keyHash(parts[0], key), publicKey(key), null);
        requireHash(verifier, parts[1]);
        return verifier;
    }

    /** Reads a signer key such as {@code PRIVATE+KEY+PeterNeumann+c74f20a3+AYEK…}. */
    public static NoteKey signer(String encoded) {
        if (!encoded.startsWith(PRIVATE_PREFIX)) {
            throw new IllegalArgumentException("a signer key starts with " + PRIVATE_PREFIX);
        }
        String[] parts = split(encoded.substring(PRIVATE_PREFIX.length()));
        KeyPair pair = fromSeed(decodeKey(parts[2]));
        byte[] publicRaw = rawPublicKey(pair.getPublic());
        NoteKey signer = new NoteKey(parts[0], keyHash(parts[0], publicRaw), pair.getPublic(), pair.getPrivate());
        requireHash(signer, parts[1]);
        return signer;
    }

    /** A new signer key with this name, e.g. for a development log. */
    public static NoteKey generate(String name) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        KeyPair pair = fromSeed(seed);
        return new NoteKey(name, keyHash(name, rawPublicKey(pair.getPublic())), pair.getPublic(), pair.getPrivate());
    }

    /**
     * The key pair of an Ed25519 seed (RFC 8032). The JDK's generator draws exactly the 32-byte
     * seed from its random source, so a source that yields the seed reproduces the pair.
     */
    private static KeyPair fromSeed(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, bytes.length);
                }
            });
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("every JDK since 15 has Ed25519", ex);
        }
    }

    /** This key's verifier key, in the signed-note format, to hand to anyone who verifies. */
    public String verifierKey() {
        return this.name + "+" + HexFormat.of().formatHex(this.keyHash) + "+"
                + Base64.getEncoder().encodeToString(concat(new byte[] { ED25519 }, rawPublicKey(this.publicKey)));
    }

    static byte[] keyHash(String name, byte[] publicRaw) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((name + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(ED25519);
            return Arrays.copyOf(sha256.digest(publicRaw), 4);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Splits name+keyhash+key at the first two '+': names have none, but base64 keys may. */
    private static String[] split(String encoded) {
        String[] parts = encoded.split("\\+", 3);
        if (parts.length != 3 || parts[0].isEmpty() || parts[0].chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("a note key is name+keyhash+key, the name without spaces or '+'");
        }
        return parts;
    }

    private static byte[] decodeKey(String base64) {
        byte[] decoded = Base64.getDecoder().decode(base64);
        if (decoded.length != 33 || decoded[0] != ED25519) {
            throw new IllegalArgumentException("only Ed25519 note keys (type 0x01, 32 bytes) are supported");
        }
        return Arrays.copyOfRange(decoded, 1, 33);
    }

    private static void requireHash(NoteKey key, String hex) {
        if (!HexFormat.of().formatHex(key.keyHash()).equals(hex)) {
            throw new IllegalArgumentException("key hash " + hex + " does not match the key");
        }
    }

    private static PublicKey publicKey(byte[] raw) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("not an Ed25519 public key", ex);
        }
    }

    static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
