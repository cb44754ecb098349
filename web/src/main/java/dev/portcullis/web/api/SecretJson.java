package dev.portcullis.web.api;

import dev.portcullis.team.EnrollSecret;
import java.time.Instant;
import java.util.List;

/** An enroll secret as Fleet shows one. */
public record SecretJson(String secret, Instant createdAt, Long teamId) {

    /** What a client sends: only the secret itself. */
    public record In(String secret) {
    }

    static List<SecretJson> of(List<EnrollSecret> secrets) {
        return secrets.stream().map(s -> new SecretJson(s.secret(), s.createdAt(), s.teamId())).toList();
    }

    static List<String> values(List<In> in) {
        return in == null ? null : in.stream().map(s -> s == null ? null : s.secret()).toList();
    }
}
