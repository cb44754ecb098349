package dev.portcullis.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** Something an administrator, a host or an end user changed, for the activity feed. */
@Entity
@Table(name = "activities")
@NamedQuery(name = "Activity.latest", query = "SELECT a FROM Activity a ORDER BY a.id DESC")
public class Activity {

    @Id
    @SequenceGenerator(name = "activity_ids", sequenceName = "activity_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "activity_ids")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 64)
    private ActivityType type;

    @Column(name = "actor_email", length = 320)
    private String actorEmail;

    /** Details as a JSON object, Fleet's activity "details". */
    @Lob
    @Column(name = "details")
    private String details;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Activity() {
    }

    public Activity(ActivityType type, String actorEmail, String details, Instant createdAt) {
        this.type = Objects.requireNonNull(type);
        this.actorEmail = actorEmail;
        this.details = details;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public Long id() { return id; }
    public ActivityType type() { return type; }
    public String actorEmail() { return actorEmail; }
    public String details() { return details; }
    public Instant createdAt() { return createdAt; }
}
