package org.civitas.cases;

/**
 * Cases were written in bulk, past the case service (the load generator): whatever keeps figures of its own about
 * cases brings them up to date before the process goes on. Published outside any transaction, after the cases are
 * committed.
 *
 * @param count how many cases were added
 */
public record CasesGenerated(int count) {
}
