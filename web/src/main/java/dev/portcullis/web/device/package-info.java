/**
 * The end user's My device page, reached by device token without login.
 */
package dev.portcullis.web.device;
