package dev.vigil.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code vigil-verify}: checks an exported audit log offline against a signed tree head.
 * <pre>
 * java -jar vigil-verify-cli.jar --key KEY --checkpoint CHECKPOINT --log EXPORT.ndjson
 *      [--previous OLD-CHECKPOINT --consistency PROOF.json]
 * </pre>
 * KEY is the verifier key (text, or a file holding it); CHECKPOINT a signed note from
 * {@code /api/security/audit/checkpoint}; EXPORT the JSON lines from {@code /api/security/audit/logs}
 * with {@code Accept: application/x-ndjson}; PROOF the answer of
 * {@code /api/security/audit/proof/consistency?from=OLD&to=NEW}. Exit status 0 when everything checks out.
 */
public final class VerifyCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrintStream out;

    public VerifyCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = new VerifyCommand(System.out).run(options(args));
        }
        catch (IllegalArgumentException | IOException ex) {
            System.err.println("vigil-verify: " + ex.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    /** Runs the checks and says what each found; 0 when all pass, 1 when one fails. */
    public int run(Map<String, String> options) throws IOException {
        NoteKey key = NoteKey.verifier(textOrFile(require(options, "key")).strip());
        Checkpoint checkpoint = open(require(options, "checkpoint"), key);
        if (checkpoint == null) {
            return 1;
        }
        say("ok   checkpoint signed by " + key.name() + ": size " + checkpoint.size());
        List<byte[]> leafHashes = leafHashes(Path.of(require(options, "log")));
        if (leafHashes == null) {
            return 1;
        }
        if (leafHashes.size() < checkpoint.size()) {
            return fail("the export has " + leafHashes.size() + " entries, the checkpoint " + checkpoint.size());
        }
        LeafList leaves = new LeafList(leafHashes);
        if (!Arrays.equals(leaves.root(checkpoint.size()), checkpoint.rootHash())) {
            return fail("the root of the first " + checkpoint.size() + " leaves is not the checkpoint's root");
        }
        say("ok   every leaf hashed; the root of the first " + checkpoint.size() + " is the signed root");
        if (options.containsKey("previous")) {
            Checkpoint previous = open(options.get("previous"), key);
            if (previous == null) {
                return 1;
            }
            List<byte[]> proof = new ArrayList<>();
            JSON.readTree(Files.readString(Path.of(require(options, "consistency"))))
                .get("hashes")
                .forEach(hash -> proof.add(Base64.getDecoder().decode(hash.asString())));
            if (!MerkleTree.verifyConsistency(previous.size(), checkpoint.size(), previous.rootHash(),
                    checkpoint.rootHash(), proof)) {
                return fail("the log of size " + checkpoint.size() + " does not extend the one of size " + previous.size());
            }
            say("ok   consistent with the earlier checkpoint of size " + previous.size()
                    + ": nothing before it was changed or removed");
        }
        return 0;
    }

    private Checkpoint open(String file, NoteKey key) throws IOException {
        try {
            return Checkpoint.parse(SignedNote.open(Files.readString(Path.of(file)), key));
        }
        catch (SignedNote.NoteException ex) {
            fail(file + ": " + ex.getMessage());
            return null;
        }
    }

    /** The leaf hashes of the export, which must list entries 0, 1, 2, … in order. */
    private List<byte[]> leafHashes(Path export) throws IOException {
        List<byte[]> hashes = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entry = JSON.readTree(line);
                long seq = entry.get("seq").asLong();
                String leaf = entry.get("leaf").asString();
                if (seq != hashes.size()) {
                    fail("expected entry " + hashes.size() + " but found " + seq);
                    return null;
                }
                JsonNode leafFields = JSON.readTree(leaf);
                for (Map.Entry<String, JsonNode> field : leafFields.properties()) {
                    if (!same(field.getValue(), entry.get(field.getKey()))) {
                        fail("entry " + seq + ": its " + field.getKey() + " is not what its leaf says");
                        return null;
                    }
                }
                hashes.add(MerkleTree.leafHash(leaf.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return hashes;
    }

    /** JSON equality, with numbers compared by value (the leaf writes 1.0 as 1). */
    private static boolean same(JsonNode expected, JsonNode actual) {
        if (actual == null) {
            return expected.isNull();
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.doubleValue() == actual.doubleValue();
        }
        if (expected.isObject() && actual.isObject()) {
            return expected.size() == actual.size() && expected.properties()
                .stream()
                .allMatch(member -> same(member.getValue(), actual.get(member.getKey())));
        }
        if (expected.isArray() && actual.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                if (i >= actual.size() || !same(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return expected.size() == actual.size();
        }
        return expected.equals(actual);
    }

    private int fail(String why) {
        say("FAIL " + why);
        return 1;
    }

    private void say(String line) {
        this.out.println(line);
    }

    public static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --key KEY --checkpoint FILE --log FILE "
                        + "[--previous FILE --consistency FILE]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** The key itself, or the contents of the file it names. */
    private static String textOrFile(String value) throws IOException {
        Path path = Path.of(value);
        return Files.isRegularFile(path) ? Files.readString(path) : value;
    }
}
