/** Teams and the enroll secrets that place a host in one (or, for global secrets, in none). */
package dev.portcullis.team;
