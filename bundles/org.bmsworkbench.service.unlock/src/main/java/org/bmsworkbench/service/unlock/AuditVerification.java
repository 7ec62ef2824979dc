package org.bmsworkbench.service.unlock;

/**
 * The result of checking an audit log's hash chain.
 *
 * @param intact  true if every line is well-formed and chained to the one before
 * @param entries lines checked
 * @param problem the first fault, naming the line ("line 7: hash does not match its content"), or empty
 */
public record AuditVerification(boolean intact, int entries, String problem) {
}
