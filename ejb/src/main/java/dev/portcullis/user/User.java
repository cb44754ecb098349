package dev.portcullis.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A person (or API client) who administers Portcullis. */
@Entity
@Table(name = "users")
@NamedQuery(name = "User.byEmail", query = "SELECT u FROM User u WHERE u.email = :email")
@NamedQuery(name = "User.count", query = "SELECT COUNT(u) FROM User u")
@NamedQuery(name = "User.all", query = "SELECT u FROM User u ORDER BY u.id")
@NamedQuery(name = "User.countWithRole", query = "SELECT COUNT(u) FROM User u WHERE u.globalRole = :role")
public class User {

    @Id
    @SequenceGenerator(name = "user_ids", sequenceName = "user_ids", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_ids")
    private Long id;

    @Column(name = "email", nullable = false, unique = true, length = 320)
    private String email;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "global_role", length = 32)
    private Role globalRole;

    @Column(name = "api_only", nullable = false)
    private boolean apiOnly;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected User() {
    }

    public User(String email, String name, String passwordHash, Role globalRole, Instant createdAt) {
        this(email, name, passwordHash, globalRole, false, createdAt);
    }

    public User(String email, String name, String passwordHash, Role globalRole, boolean apiOnly, Instant createdAt) {
        this.apiOnly = apiOnly;
        this.email = normaliseEmail(email);
        this.name = Objects.requireNonNull(name);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.globalRole = globalRole;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public static String normaliseEmail(String email) {
        if (email == null || !email.contains("@")) {
            throw new IllegalArgumentException("a valid email is required");
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public Long id() { return id; }
    public String email() { return email; }
    public String name() { return name; }
    public String passwordHash() { return passwordHash; }
    public void changePasswordHash(String hash) { this.passwordHash = Objects.requireNonNull(hash); }
    public Role globalRole() { return globalRole; }
    /** Null when the user has team roles instead. */
    public void changeGlobalRole(Role role) { this.globalRole = role; }
    public boolean apiOnly() { return apiOnly; }
    public void changeApiOnly(boolean apiOnly) { this.apiOnly = apiOnly; }
    public void rename(String name) { this.name = Objects.requireNonNull(name); }
    public void changeEmail(String email) { this.email = normaliseEmail(email); }
    public Instant createdAt() { return createdAt; }
}
