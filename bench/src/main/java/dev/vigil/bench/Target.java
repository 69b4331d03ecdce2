package dev.vigil.bench;

import java.net.URI;
import java.util.Map;

/**
 * One thing to load: a name for the report, a GET URI and the headers to send.
 *
 * @param name the label in the report
 * @param uri what to GET
 * @param headers sent with every request
 */
record Target(String name, URI uri, Map<String, String> headers) {
}
