/**
 * The osquery-compatible agent's side: enrollment with a secret, node keys, and policy and detail
 * queries handed out and their results recorded.
 */
package dev.portcullis.agent;
