package dev.vigil.devstack;

/** A reason the dev stack cannot start, worded for the person who ran it. */
class DevStackException extends RuntimeException {

    DevStackException(String message) {
        super(message);
    }
}
