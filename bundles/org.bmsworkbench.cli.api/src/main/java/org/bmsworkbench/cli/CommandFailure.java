package org.bmsworkbench.cli;

/** A command that could not do its work; the message is the one line the user sees. Exit status 1. */
public class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
