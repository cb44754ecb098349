/**
 * The activity feed and the log of sign-in decisions, with its retention: what happened, for the administrator.
 */
package dev.portcullis.audit;
