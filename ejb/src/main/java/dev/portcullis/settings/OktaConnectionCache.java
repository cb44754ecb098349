package dev.portcullis.settings;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the parsed Okta settings between sign-ins. Each call reads only the settings row's
 * version (a primary-key lookup), so a change made on any node is seen at the next sign-in
 * and the certificate is parsed once per change, not once per request.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OktaConnectionCache {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private DeploymentConfig config;

    private volatile OktaConnection cached;

    public OktaConnection current() {
        List<Long> versions = em.createQuery("SELECT s.version FROM AppSettings s WHERE s.id = :id", Long.class)
                .setParameter("id", AppSettings.SINGLETON_ID).getResultList();
        long version = versions.isEmpty() ? -1 : versions.get(0);
        OktaConnection snapshot = cached;
        if (snapshot != null && snapshot.settingsVersion() == version) {
            return snapshot;
        }
        AppSettings settings = version < 0 ? new AppSettings() : em.find(AppSettings.class, AppSettings.SINGLETON_ID);
        snapshot = new OktaConnection(version,
                Optional.ofNullable(settings.serverUrl()).or(config::serverUrl),
                settings.oktaAudienceUri(),
                settings.oktaAssertionConsumerServiceUrl(),
                Optional.ofNullable(settings.oktaCertificatePem()).filter(p -> !p.isBlank()).map(PemCertificate::parse),
                settings.bypassDisabled(),
                settings.noTeamConditionalAccessEnabled());
        cached = snapshot;
        return snapshot;
    }
}
