package org.bmsworkbench.can;

/** A connection URI that cannot be used; the message names the problem and the part at fault. */
public class InvalidUriException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidUriException(String message) {
        super(message);
    }
}
