/**
 * Refusals a service hands back to its caller: what went wrong, which field, and what kind of
 * failure it is, so the HTTP layer can pick a status without knowing the use case.
 */
package dev.portcullis.problem;
