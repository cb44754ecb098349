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
import jakarta.persistence.UniqueConstraint;
import java.util.Objects;

/** A user's role in one team. A user has either a global role or team roles, never both. */
@Entity
@Table(name = "user_team_roles", uniqueConstraints = @UniqueConstraint(name = "user_team_roles_user_team",
        columnNames = {"user_id", "team_id"}))
@NamedQuery(name = "UserTeamRole.byUser", query = "SELECT r FROM UserTeamRole r WHERE r.userId = :userId ORDER BY r.teamId")
@NamedQuery(name = "UserTeamRole.all", query = "SELECT r FROM UserTeamRole r ORDER BY r.userId, r.teamId")
@NamedQuery(name = "UserTeamRole.deleteByUser", query = "DELETE FROM UserTeamRole r WHERE r.userId = :userId")
@NamedQuery(name = "UserTeamRole.deleteByTeam", query = "DELETE FROM UserTeamRole r WHERE r.teamId = :teamId")
public class UserTeamRole {

    @Id
    @SequenceGenerator(name = "user_team_role_ids", sequenceName = "user_team_role_ids", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_team_role_ids")
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "team_id", nullable = false)
    private Long teamId;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 32)
    private Role role;

    protected UserTeamRole() {
    }

    public UserTeamRole(Long userId, Long teamId, Role role) {
        this.userId = Objects.requireNonNull(userId);
        this.teamId = Objects.requireNonNull(teamId);
        this.role = Objects.requireNonNull(role);
        if (role == Role.ADMIN) {
            throw new IllegalArgumentException("a team role is maintainer or observer");
        }
    }

    public Long userId() { return userId; }
    public Long teamId() { return teamId; }
    public Role role() { return role; }
}
