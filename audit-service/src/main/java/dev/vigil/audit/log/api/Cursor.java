package dev.vigil.audit.log.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.vigil.common.problem.ProblemException;
import dev.vigil.common.problem.ProblemType;

/** The opaque keyset cursor of the audit list: the sequence number the next page starts below. */
final class Cursor {

    private static final String PREFIX = "seq:";

    private Cursor() {
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                return Long.parseLong(text.substring(PREFIX.length()));
            }
        }
        catch (IllegalArgumentException ex) {
            // falls through to the problem below
        }
        throw new ProblemException(ProblemType.BAD_REQUEST, "cursor is not one this API returned; start again without it");
    }
}
