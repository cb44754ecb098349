/**
 * Users, their passwords, global and team roles, and their API sessions: first-run setup, login
 * (rate-limited), resolving a bearer token to a caller with roles, and the team scope checks.
 */
package dev.portcullis.user;
