package dev.portcullis.web.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Where the console keeps its signed-in user: the same session token the API hands out, held
 * server-side in the HTTP session (the browser only sees the session cookie). The token's own
 * lifetime still applies: when it expires the console asks for the password again.
 */
public final class ConsoleSession {

    /** The console's pages; the login and setup pages are the only ones open to anonymous callers. */
    public static final String PREFIX = "/admin/";
    public static final String LOGIN_PAGE = PREFIX + "login.xhtml";
    public static final String SETUP_PAGE = PREFIX + "setup.xhtml";
    public static final String HOME_PAGE = PREFIX + "hosts.xhtml";

    private static final String TOKEN = ConsoleSession.class.getName() + ".token";

    private ConsoleSession() {
    }

    /** The token of the signed-in console user, or null. */
    public static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(TOKEN);
    }

    /** Signs the browser in: a new session id so a session fixed before login is worth nothing. */
    public static void signIn(HttpServletRequest request, String token) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(TOKEN, token);
    }

    /** Forgets the browser's session and returns the token it held (null if none). */
    public static String signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        String token = (String) session.getAttribute(TOKEN);
        session.invalidate();
        return token;
    }

    /** Pages under /admin/ that need a signed-in user. */
    public static boolean isProtected(String uri) {
        return uri.startsWith(PREFIX) && !uri.equals(LOGIN_PAGE) && !uri.equals(SETUP_PAGE);
    }
}
