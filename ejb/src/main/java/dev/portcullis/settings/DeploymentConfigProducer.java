package dev.portcullis.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;

/** Reads the deployment configuration once per application start. */
@ApplicationScoped
public class DeploymentConfigProducer {

    private static final Logger LOG = Logger.getLogger(DeploymentConfigProducer.class.getName());

    @Produces
    @ApplicationScoped
    DeploymentConfig deploymentConfig() {
        DeploymentConfig config = DeploymentConfig.fromSystem();
        LOG.info("Portcullis configuration: " + config);
        return config;
    }
}
