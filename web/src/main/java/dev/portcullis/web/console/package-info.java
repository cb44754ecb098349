/**
 * The administrator's console: PrimeFaces pages under /admin/ with one view-scoped bean per
 * page or dialog, each calling the same services as the REST API, signed in by session token.
 */
package dev.portcullis.web.console;
