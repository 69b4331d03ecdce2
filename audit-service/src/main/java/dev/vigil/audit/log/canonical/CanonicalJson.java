package dev.vigil.audit.log.canonical;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Serializes a JSON tree as RFC 8785 (JCS) canonical JSON: no whitespace, object members sorted
 * by the UTF-16 code units of their names, strings escaped as ECMAScript's {@code JSON.stringify}
 * does, and numbers written as ECMAScript writes an IEEE 754 double.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String serialize(JsonNode node) {
        StringBuilder out = new StringBuilder(512);
        write(node, out);
        return out.toString();
    }

    /**
     * Writes a plain Java value as Jackson reads JSON into one (maps, lists, strings, numbers,
     * booleans, null) or a JSON tree, canonically.
     */
    static void writeValue(@Nullable Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String string -> writeString(string, out);
            case Number number -> out.append(number(number.doubleValue()));
            case Boolean bool -> out.append(bool.booleanValue());
            case Map<?, ?> map -> writeMap(map, out);
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i > 0 ? "," : "");
                    writeValue(list.get(i), out);
                }
                out.append(']');
            }
            case JsonNode node -> write(node, out);
            default -> throw new IllegalArgumentException("not representable in JSON: " + value.getClass().getName());
        }
    }

    private static void writeMap(Map<?, ?> map, StringBuilder out) {
        List<String> names = new ArrayList<>(map.size());
        for (Object name : map.keySet()) {
            names.add((String) name);
        }
        // String.compareTo compares UTF-16 code units, which is exactly the order RFC 8785 asks for.
        names.sort(null);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            out.append(i > 0 ? "," : "");
            writeString(names.get(i), out);
            out.append(':');
            writeValue(map.get(names.get(i)), out);
        }
        out.append('}');
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            // String.compareTo compares UTF-16 code units, which is exactly the order RFC 8785 asks for.
            members.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeString(members.get(i).getKey(), out);
                out.append(':');
                write(members.get(i).getValue(), out);
            }
            out.append('}');
        }
        else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        }
        else if (node.isString()) {
            writeString(node.asString(), out);
        }
        else if (node.isNumber()) {
            out.append(number(node.doubleValue()));
        }
        else if (node.isBoolean()) {
            out.append(node.booleanValue());
        }
        else if (node.isNull()) {
            out.append("null");
        }
        else {
            throw new IllegalArgumentException("not representable in JSON: " + node.getNodeType());
        }
    }

    static void writeString(String value, StringBuilder out) {
        out.append('"');
        if (!needsEscaping(value)) {
            out.append(value).append('"');
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else if (Character.isSurrogate(c) && !pairedSurrogate(value, i)) {
                        throw new IllegalArgumentException("lone surrogate in string at index " + i);
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Most strings have nothing to escape: they are copied whole. */
    private static boolean needsEscaping(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean pairedSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }

    /**
     * The decimal with the fewest digits that reads back as {@code value}, the closest one if
     * several. Since JDK 19 Double.toString gives it, except that it always writes a fractional
     * digit, so where one digit would do (5e-324) it gives two (4.9E-324).
     */
    private static BigDecimal shortestDecimal(double value) {
        BigDecimal java = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (java.precision() == 2) {
            BigDecimal oneDigit = new BigDecimal(value).round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (oneDigit.doubleValue() == value) {
                return oneDigit.stripTrailingZeros();
            }
        }
        return java;
    }

    /** ECMAScript's Number.prototype.toString for a finite double (ECMA-262, Number::toString). */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no " + value);
        }
        if (value == 0) {
            return "0";
        }
        if (value < 0) {
            return "-" + number(-value);
        }
        if (value < 1e18 && value == Math.rint(value)) {
            // An integer below 10^21 is written with all its digits, and a long holds this one exactly.
            return Long.toString((long) value);
        }
        BigDecimal shortest = shortestDecimal(value);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        String exponent = ((n - 1) >= 0 ? "+" : "-") + Math.abs(n - 1);
        return (k == 1) ? digits + "e" + exponent : digits.charAt(0) + "." + digits.substring(1) + "e" + exponent;
    }
}
