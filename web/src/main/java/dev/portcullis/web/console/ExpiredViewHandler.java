package dev.portcullis.web.console;

import dev.portcullis.web.Causes;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A console page whose server-side state has been dropped (left open while many other pages were
 * opened) is loaded afresh, with a line saying why, instead of an error: the user is still signed
 * in and only has to do the action again. Works for full posts and Ajax requests alike.
 */
public class ExpiredViewHandler extends ExceptionHandlerWrapper {

    public ExpiredViewHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable thrown = events.next().getContext().getException();
            ViewExpiredException expired = Causes.find(thrown, ViewExpiredException.class);
            if (expired != null && expired.getViewId() != null && expired.getViewId().startsWith(ConsoleSession.PREFIX)) {
                events.remove();
                reload(expired.getViewId());
                return;
            }
        }
        getWrapped().handle();
    }

    private static void reload(String viewId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + viewId + "?pageExpired=true");
            faces.responseComplete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
