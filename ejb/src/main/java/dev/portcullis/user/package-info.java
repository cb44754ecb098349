/**
 * Administrators, their passwords and their API sessions: first-run setup, login, and resolving
 * a bearer token to the user behind it.
 */
package dev.portcullis.user;
