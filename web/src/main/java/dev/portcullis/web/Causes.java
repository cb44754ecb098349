package dev.portcullis.web;

/** Looks through an exception's causes: containers wrap what a service threw (EJBException, FacesException). */
public final class Causes {

    private Causes() {
    }

    /** The first throwable of {@code type} in the cause chain of {@code thrown}, or null. */
    public static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
