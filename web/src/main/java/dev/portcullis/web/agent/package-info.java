/** The osquery TLS remote API under /api/osquery: enroll, config, distributed read and write, log. */
package dev.portcullis.web.agent;
