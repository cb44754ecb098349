package dev.portcullis.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's forms are safe from cross-site requests: a form post that carries the victim's
 * session cookie but not the view state of a page the server rendered for that session does
 * nothing; the same post with the page's own view state works. The session cookie is HttpOnly
 * and SameSite=Lax, so other sites cannot read it or send it with their form posts, and console
 * pages refuse to be framed.
 */
@ExtendWith(PortcullisServer.Extension.class)
class ConsoleCsrfIT {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Test
    void aFormPostWithoutThePagesViewStateChangesNothing(PortcullisServer server) throws Exception {
        server.admin();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = server.baseUrl();

        HttpResponse<String> loginPage = get(browser, base + "/admin/login.xhtml");
        assertEquals(200, loginPage.statusCode());
        String cookie = loginPage.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        HttpResponse<String> login = post(browser, base + "/admin/login.xhtml", form(
                "login", "login", "login:email", PortcullisServer.ADMIN_EMAIL, "login:password", PortcullisServer.ADMIN_PASSWORD,
                "login:submit", "", "jakarta.faces.ViewState", viewState(loginPage.body())));
        assertEquals(302, login.statusCode(), login.body());
        HttpResponse<String> hosts = get(browser, base + "/admin/hosts.xhtml");
        assertEquals(200, hosts.statusCode(), "signed in");
        // No other site may frame a console page and trick a click out of the administrator.
        assertEquals("DENY", hosts.headers().firstValue("X-Frame-Options").orElse(""));
        assertTrue(hosts.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("no-store", hosts.headers().firstValue("Cache-Control").orElse(""));

        // A forged "Log out" (any action would do): the cookie goes along, a view state does not or is made up.
        for (String forged : new String[] {null, "-1234567890:987654321", "stateless"}) {
            Map<String, String> fields = form("nav", "nav", "nav:logout", "");
            if (forged != null) {
                fields.put("jakarta.faces.ViewState", forged);
            }
            HttpResponse<String> forgedPost = post(browser, base + "/admin/hosts.xhtml", fields);
            if (forged != null && forged.contains(":")) {
                // An unknown view state reads as a page that expired: loaded afresh, the action not done.
                assertEquals(302, forgedPost.statusCode(), forgedPost.body());
                assertTrue(forgedPost.headers().firstValue("Location").orElse("").endsWith("/admin/hosts.xhtml?pageExpired=true"));
            }
            assertEquals(200, get(browser, base + "/admin/hosts.xhtml").statusCode(),
                    "the forged post (view state " + forged + ") must not have logged the user out");
        }

        // The same post with the view state of the page the server rendered is the real button.
        HttpResponse<String> page = get(browser, base + "/admin/hosts.xhtml");
        HttpResponse<String> logout = post(browser, base + "/admin/hosts.xhtml",
                form("nav", "nav", "nav:logout", "", "jakarta.faces.ViewState", viewState(page.body())));
        assertEquals(302, logout.statusCode(), logout.body());
        HttpResponse<String> after = get(browser, base + "/admin/hosts.xhtml");
        assertEquals(302, after.statusCode());
        assertTrue(after.headers().firstValue("Location").orElse("").contains("/admin/login.xhtml"));
    }

    @Test
    void aMadeUpViewStateIsAnsweredLikeAnExpiredPageWithoutAStackTrace(PortcullisServer server) throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String url = server.baseUrl() + "/admin/login.xhtml";
        long logBefore = Files.size(server.logFile());
        for (String made : new String[] {"stateless", "not-a-view-state"}) {
            // A plain form post, as a scanner or a forged form sends it: the page loads afresh.
            HttpResponse<String> plain = post(anonymous, url, form("login", "login", "jakarta.faces.ViewState", made));
            assertEquals(302, plain.statusCode(), made + ": " + plain.body());
            assertTrue(plain.headers().firstValue("Location").orElse("").endsWith("/admin/login.xhtml?pageExpired=true"),
                    made + ": " + plain.headers().map());
            assertNoJavaIn(made, plain.body());

            // The same as an Ajax request: a partial-response redirect, no error naming a class.
            HttpResponse<String> ajax = anonymous.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Faces-Request", "partial/ajax")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form("jakarta.faces.partial.ajax", "true",
                            "jakarta.faces.source", "login:submit", "jakarta.faces.partial.execute", "@all",
                            "login", "login", "jakarta.faces.ViewState", made)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ajax.statusCode(), made + ": " + ajax.body());
            assertTrue(ajax.body().contains("<redirect url=\"") && ajax.body().contains("/admin/login.xhtml?pageExpired=true"),
                    made + ": " + ajax.body());
            assertFalse(ajax.body().contains("<error"), made + ": " + ajax.body());
            assertNoJavaIn(made, ajax.body());
        }
        Thread.sleep(500); // the log is written asynchronously
        String added = logSince(server, logBefore);
        assertFalse(added.contains("\tat ") || added.contains("SEVERE") || added.contains("Caused by"),
                "no stack trace and no SEVERE line for a made-up view state:\n" + added);
        assertTrue(added.lines().allMatch(line -> line.length() < 400), "only short lines:\n" + added);
    }

    private static void assertNoJavaIn(String made, String body) {
        assertFalse(body.contains("Exception") || body.contains("jakarta.") || body.contains("java.")
                || body.contains("class "), made + ": " + body);
    }

    private static String logSince(PortcullisServer server, long offset) throws Exception {
        try (RandomAccessFile log = new RandomAccessFile(server.logFile().toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, log.length() - offset)];
            log.seek(offset);
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    @Test
    void otherSpellingsOfTheConsolePathStillNeedASession(PortcullisServer server) throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : new String[] {"/%61dmin/hosts.xhtml", "/admin;x=1/hosts.xhtml", "/%61dmin/users.xhtml",
                "/%61dmin/download/portcullis-conditional-access.mobileconfig"}) {
            HttpResponse<String> r = get(anonymous, server.baseUrl() + path);
            assertEquals(302, r.statusCode(), path + " → " + r.statusCode());
            assertTrue(r.headers().firstValue("Location").orElse("").contains("/admin/login.xhtml"), path);
        }
    }

    @Test
    void overHttpsTheSessionCookieIsSecureAndTheConsoleAsksForHttpsOnly(PortcullisServer server) throws Exception {
        Process curl = new ProcessBuilder("curl", "-sk", "-o", "/dev/null", "-D", "-",
                "https://localhost:" + server.httpsPort() + "/admin/login.xhtml").redirectErrorStream(true).start();
        String headers = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, curl.waitFor());
        String cookie = headers.lines().filter(l -> l.regionMatches(true, 0, "set-cookie:", 0, 11)).findFirst().orElse("")
                .toLowerCase(java.util.Locale.ROOT);
        assertTrue(cookie.contains("jsessionid") && cookie.contains("; secure") && cookie.contains("httponly"), headers);
        assertTrue(headers.toLowerCase(java.util.Locale.ROOT).contains("strict-transport-security: max-age="), headers);
    }

    @Test
    void anApiOnlyUserCannotLogInToTheConsole(PortcullisServer server) throws Exception {
        String email = Fixtures.unique("robot").toLowerCase(java.util.Locale.ROOT) + "@example.com";
        Fixtures.ok(server.admin().post("/api/v1/fleet/users/admin", jakarta.json.Json.createObjectBuilder()
                .add("name", "Robot").add("email", email).add("password", "Robot-password-123!")
                .add("global_role", "admin").add("api_only", true).build().toString()));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> loginPage = get(browser, server.baseUrl() + "/admin/login.xhtml");
        HttpResponse<String> login = post(browser, server.baseUrl() + "/admin/login.xhtml", form(
                "login", "login", "login:email", email, "login:password", "Robot-password-123!",
                "login:submit", "", "jakarta.faces.ViewState", viewState(loginPage.body())));
        assertEquals(200, login.statusCode(), "stays on the login page");
        assertTrue(login.body().contains("This user is for the API only and cannot log in to the console."));
        assertEquals(302, get(browser, server.baseUrl() + "/admin/hosts.xhtml").statusCode(), "not signed in");
    }

    private static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        assertTrue(m.find(), "the page has a view state");
        String value = m.group(1);
        assertNotNull(value);
        return value.replace("&#58;", ":").replace("&amp;", "&");
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String url, Map<String, String> fields) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
