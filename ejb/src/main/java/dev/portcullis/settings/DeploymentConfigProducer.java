package dev.portcullis.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;

/** Reads the deployment configuration once per application start. */
@ApplicationScoped
public class DeploymentConfigProducer {

    private static final Logger LOG = Logger.getLogger(DeploymentConfigProducer.class.getName());

    // A pseudo-scope: DeploymentConfig is final, so a normal scope's client proxy is impossible.
    @Produces
    @Singleton
    DeploymentConfig deploymentConfig() {
        DeploymentConfig config = DeploymentConfig.fromSystem();
        LOG.info("Portcullis configuration: " + config);
        return config;
    }
}
