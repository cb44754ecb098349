/**
 * The JAX-RS application, JSON settings and the one mapping from failures to Fleet's error shape.
 */
package dev.portcullis.web;
