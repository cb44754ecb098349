/**
 * Settings: the administrator's run-time settings row (organisation, Okta connection, bypass and
 * "no team" switches) and the deployment's fixed configuration.
 */
package dev.portcullis.settings;
