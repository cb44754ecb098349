package dev.portcullis.web;

import dev.portcullis.problem.Refusal;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Bean Validation violations as Fleet's field errors: the JSON field's name and a reason that names it. */
public final class ViolationFields {

    private ViolationFields() {
    }

    public static List<Refusal.FieldError> of(Set<ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> {
                    String field = jsonName(leaf(v.getPropertyPath()));
                    return new Refusal.FieldError(field, field + " " + v.getMessage());
                })
                .sorted(Comparator.comparing(Refusal.FieldError::name).thenComparing(Refusal.FieldError::reason))
                .distinct()
                .toList();
    }

    /** The last named node of the path: the record component or parameter that was violated. */
    static String leaf(Path path) {
        String name = null;
        if (path != null) {
            for (Path.Node node : path) {
                if (node.getName() != null && !node.getName().isEmpty() && !node.getName().startsWith("<")) {
                    name = node.getName();
                }
            }
        }
        return name == null ? "request" : name;
    }

    /** A Java name as the JSON field it came from: {@code orgName} becomes {@code org_name}. */
    static String jsonName(String javaName) {
        StringBuilder out = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLower = i > 0 && !Character.isUpperCase(javaName.charAt(i - 1));
                boolean endsAcronym = i > 0 && i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
                if (afterLower || endsAcronym) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
