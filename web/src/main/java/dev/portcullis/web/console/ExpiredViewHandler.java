package dev.portcullis.web.console;

import dev.portcullis.web.Causes;
import dev.portcullis.web.SafeFailure;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.util.Iterator;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A console page whose server-side state has been dropped (left open while many other pages were
 * opened) is loaded afresh, with a line saying why, instead of an error: the user is still signed
 * in and only has to do the action again. Works for full posts and Ajax requests alike.
 *
 * <p>A post whose view state cannot be restored at all (made up or mangled, as by a scanner or a
 * forged form) is answered the same way, with one short line in the log instead of a stack trace.
 * Anything else unexpected in an Ajax request is logged with an incident number and answered with a
 * redirect to the plain error page: the partial response never names an exception class or message.
 */
public class ExpiredViewHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(ExpiredViewHandler.class.getName());
    private static final Pattern CONSOLE_VIEW = Pattern.compile("/admin/[A-Za-z0-9-]+\\.xhtml");
    static final String ERROR_PAGE = "/error.html";

    public ExpiredViewHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
        FacesContext faces = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            ExceptionQueuedEventContext event = events.next().getContext();
            Throwable thrown = event.getException();
            ViewExpiredException expired = Causes.find(thrown, ViewExpiredException.class);
            if (expired != null && expired.getViewId() != null && expired.getViewId().startsWith(ConsoleSession.PREFIX)) {
                events.remove();
                discardRest(events);
                reload(faces, expired.getViewId());
                return;
            }
            String unrestorable = unrestorableConsoleView(faces, event);
            if (unrestorable != null) {
                events.remove();
                discardRest(events);
                LOG.warning("A post to " + unrestorable + " carried a view state that cannot be restored ("
                        + firstLine(thrown) + "); the page is loaded afresh");
                reload(faces, unrestorable);
                return;
            }
            if (faces != null && faces.getPartialViewContext().isAjaxRequest()) {
                events.remove();
                discardRest(events);
                String incident = UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, "Console Ajax request failed, incident " + incident + ": " + SafeFailure.describe(thrown));
                toErrorPage(faces);
                return;
            }
        }
        getWrapped().handle();
    }

    /**
     * The console page of a post that failed while its view was being restored: its view state is
     * not one the server can use (made up, mangled or from a stateless form). Null for anything else.
     */
    private static String unrestorableConsoleView(FacesContext faces, ExceptionQueuedEventContext event) {
        if (faces == null || event.getPhaseId() != PhaseId.RESTORE_VIEW || !faces.isPostback()) {
            return null;
        }
        String viewId = faces.getExternalContext().getRequestServletPath();
        return viewId != null && CONSOLE_VIEW.matcher(viewId).matches() ? viewId : null;
    }

    /** The first failure's type and message only: a made-up view state is not worth a stack trace. */
    private static String firstLine(Throwable thrown) {
        String message = thrown.getMessage();
        String line = thrown.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        line = line.replaceAll("[\\r\\n\\t]+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** One answer per request: what else the failed request queued goes no further. */
    private static void discardRest(Iterator<ExceptionQueuedEvent> events) {
        while (events.hasNext()) {
            events.next();
            events.remove();
        }
    }

    private static void reload(FacesContext faces, String viewId) {
        redirect(faces, viewId + "?pageExpired=true");
    }

    private static void toErrorPage(FacesContext faces) {
        redirect(faces, ERROR_PAGE);
    }

    /** A redirect, as a partial-response redirect for Ajax requests; whatever was written before is dropped. */
    private static void redirect(FacesContext faces, String path) {
        ExternalContext external = faces.getExternalContext();
        try {
            if (!external.isResponseCommitted()) {
                external.responseReset();
                external.redirect(external.getRequestContextPath() + path);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.warning("Could not answer with a redirect to " + path + ": " + e.getClass().getSimpleName());
        } finally {
            faces.responseComplete();
        }
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ExpiredViewHandler(getWrapped().getExceptionHandler());
        }
    }
}
