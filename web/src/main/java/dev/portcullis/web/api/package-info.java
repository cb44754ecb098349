/**
 * The administrator's REST API under /api/v1/fleet, in Fleet's paths and JSON names, and the
 * device endpoints reached with a host's device token.
 */
package dev.portcullis.web.api;
