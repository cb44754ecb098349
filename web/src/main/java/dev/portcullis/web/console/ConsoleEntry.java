package dev.portcullis.web.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The server's root and {@code /admin} lead to the console's home page. */
@WebServlet(urlPatterns = {"", "/admin"})
public class ConsoleEntry extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(ConsoleSession.HOME_PAGE);
    }
}
