/**
 * Small HTTP helpers shared by resources: bounded bodies and raw query parameters.
 */
package dev.portcullis.web.common;
