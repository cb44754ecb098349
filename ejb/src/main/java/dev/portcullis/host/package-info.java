/**
 * Hosts: enrolled devices, their team, device token and bypass flag, and what the administrator
 * and the device's user may do with them.
 */
package dev.portcullis.host;
