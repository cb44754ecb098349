/**
 * Configuration profiles handed to managed Macs: the user-scope .mobileconfig that installs the
 * CA, enrolls the client certificate over SCEP and tells Safari and Chrome to present it.
 */
package dev.portcullis.profile;
