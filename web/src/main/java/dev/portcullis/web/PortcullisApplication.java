package dev.portcullis.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Every JAX-RS resource lives under the root; the paths themselves follow Fleet's. */
@ApplicationPath("/api")
public class PortcullisApplication extends Application {
}
