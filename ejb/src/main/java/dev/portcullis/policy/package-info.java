/**
 * Policies (osquery checks that pass when they return rows), their latest result per host, and
 * the rule for which failing policies gate a host's sign-in.
 */
package dev.portcullis.policy;
