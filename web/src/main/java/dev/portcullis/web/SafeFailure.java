package dev.portcullis.web;

import java.sql.SQLException;

/**
 * Describes an unexpected failure for the server log without the messages of database
 * exceptions, which quote SQL together with its bound values.
 */
public final class SafeFailure {

    private static final int FRAMES = 12;

    private SafeFailure() {
    }

    public static String describe(Throwable thrown) {
        StringBuilder out = new StringBuilder();
        Throwable root = thrown;
        boolean database = false;
        for (Throwable t = thrown; t != null && t != t.getCause(); t = t.getCause()) {
            database |= t instanceof SQLException || t.getClass().getName().startsWith("org.eclipse.persistence.exceptions");
            root = t;
        }
        for (Throwable t = thrown; t != null && t != t.getCause(); t = t.getCause()) {
            out.append(out.length() == 0 ? "" : " <- ").append(t.getClass().getName());
            if (t instanceof SQLException sql) {
                out.append(" [SQLState ").append(sql.getSQLState()).append(", code ").append(sql.getErrorCode()).append(']');
            } else if (!database && t.getMessage() != null) {
                out.append(": ").append(t.getMessage());
            }
        }
        StackTraceElement[] frames = root.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
            out.append("\n\tat ").append(frames[i]);
        }
        return out.toString();
    }
}
