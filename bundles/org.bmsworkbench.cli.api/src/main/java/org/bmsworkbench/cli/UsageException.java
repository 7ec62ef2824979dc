package org.bmsworkbench.cli;

/** Wrong use of a command: unknown option, missing argument. Exit status 2. */
public class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
