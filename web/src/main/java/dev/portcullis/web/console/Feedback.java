package dev.portcullis.web.console;

import static dev.portcullis.web.Causes.find;

import dev.portcullis.problem.Refusal;
import dev.portcullis.web.SafeFailure;
import dev.portcullis.web.ViolationFields;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * What a console action tells the user: that it worked, or why not. A service's refusal names the
 * fields it objects to by their API names; a page passes the client ids of its inputs for those
 * names so each reason shows on its field. Nothing unexpected reaches the page as a stack trace.
 */
public final class Feedback {

    private static final Logger LOG = Logger.getLogger(Feedback.class.getName());

    private Feedback() {
    }

    /** A confirmation that the action happened. */
    public static void done(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    /** A problem with the action as a whole. */
    public static void problem(String message) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        faces.validationFailed();
    }

    /** A problem with one field, shown next to it; the field is marked invalid. */
    public static void onField(String clientId, String message) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        UIComponent component = faces.getViewRoot().findComponent(":" + clientId);
        if (component instanceof UIInput input) {
            // An invalid input without a submitted value renders empty (empty strings are null here):
            // hand it back what the user typed, to correct rather than type again. Before setValid(false),
            // which makes getSubmittedValue() answer "" instead of null.
            if (input.getSubmittedValue() == null && input.getValue() instanceof String typed) {
                input.setSubmittedValue(typed);
            }
            input.setValid(false);
        }
        faces.validationFailed();
    }

    /** Why a service call failed, on the fields named in {@code fieldIds} (API name to client id) where possible. */
    public static void failed(Throwable thrown, Map<String, String> fieldIds) {
        failed(thrown, fieldIds, Set.of());
    }

    /**
     * As {@link #failed(Throwable, Map)}, leaving out the reasons for the fields (API names) in
     * {@code alreadyShown}: the page has said what is wrong with them in its own words.
     */
    public static void failed(Throwable thrown, Map<String, String> fieldIds, Set<String> alreadyShown) {
        Refusal refusal = find(thrown, Refusal.class);
        ConstraintViolationException violations = find(thrown, ConstraintViolationException.class);
        if (refusal == null && violations != null && violations.getConstraintViolations() != null) {
            refusal = new Refusal(Refusal.Kind.INVALID, "Validation Failed", ViolationFields.of(violations.getConstraintViolations()));
        }
        if (refusal != null) {
            show(refusal.errors(), refusal.getMessage(), fieldIds, alreadyShown);
        } else if (find(thrown, EJBAccessException.class) != null) {
            problem("Your role does not allow this.");
        } else {
            String incident = UUID.randomUUID().toString();
            LOG.severe("Console action failed, incident " + incident + ": " + SafeFailure.describe(thrown));
            problem("Something went wrong (incident " + incident + "). Nothing was changed.");
        }
    }

    public static void failed(Throwable thrown) {
        failed(thrown, Map.of());
    }

    private static void show(List<Refusal.FieldError> errors, String summary, Map<String, String> fieldIds,
                             Set<String> alreadyShown) {
        boolean shown = false;
        for (Refusal.FieldError error : errors) {
            if (alreadyShown.contains(error.name())) {
                shown = true;
                continue;
            }
            String clientId = fieldIds.get(error.name());
            if (clientId != null) {
                onField(clientId, sentence(withoutFieldName(error.name(), error.reason())));
            } else {
                problem(sentence(error.reason()));
            }
            shown = true;
        }
        if (!shown) {
            problem(sentence(summary));
        }
    }

    /** Under its own field, "okta_audience_uri must be ..." reads better as "Must be ...". */
    private static String withoutFieldName(String field, String reason) {
        if (reason != null && field != null && (reason.startsWith(field + " ") || reason.startsWith(field + ":"))) {
            String rest = reason.substring(field.length()).replaceFirst("^:?\\s+", "");
            if (!rest.isEmpty()) {
                return rest;
            }
        }
        return reason;
    }

    private static String sentence(String reason) {
        if (reason == null || reason.isEmpty()) {
            return "The request was refused.";
        }
        return Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
    }
}
