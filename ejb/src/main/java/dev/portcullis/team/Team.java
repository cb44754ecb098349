package dev.portcullis.team;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A group of hosts with its own policies, enroll secrets and conditional-access switch. */
@Entity
@Table(name = "teams")
@NamedQuery(name = "Team.all", query = "SELECT t FROM Team t ORDER BY t.name")
@NamedQuery(name = "Team.byName", query = "SELECT t FROM Team t WHERE t.name = :name")
public class Team {

    @Id
    @SequenceGenerator(name = "team_ids", sequenceName = "team_ids", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "team_ids")
    private Long id;

    @Column(name = "name", nullable = false, unique = true, length = 255)
    private String name;

    @Column(name = "description", length = 2000)
    private String description;

    @Column(name = "conditional_access_enabled", nullable = false)
    private boolean conditionalAccessEnabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Team() {
    }

    public Team(String name, String description, Instant createdAt) {
        rename(name);
        this.description = description;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("team name must not be empty");
        }
        this.name = newName.strip();
    }

    public Long id() { return id; }
    public String name() { return name; }
    public String description() { return description; }
    public void describe(String text) { this.description = text; }
    public boolean conditionalAccessEnabled() { return conditionalAccessEnabled; }
    public void setConditionalAccessEnabled(boolean enabled) { this.conditionalAccessEnabled = enabled; }
    public Instant createdAt() { return createdAt; }
}
