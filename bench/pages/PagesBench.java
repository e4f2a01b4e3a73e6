import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pages under load, as people use them (run by bench/pages.sh; a single-file program: java PagesBench.java).
 * 16 sessions, each signed in with the login form, type into the intake form: every "keystroke" is one htmx
 * POST /intake/preview with the form as it is then (the solution's name growing letter by letter, personal data
 * ticked half-way), one after the other per session as htmx sends them (hx-sync replace: one in flight).
 * Then the same 16 sessions open the pages (/, /?q=…, /intake, /login, /accessibility) one after another.
 * Prints the latency percentiles of each, measured at the client over loopback (so the server's time plus the
 * loopback's, an upper bound of the server's time).
 * With the service's process id it also prints the service JVM's CPU time per request (user + system, from
 * /proc), which varies far less than latencies on a shared machine.
 * Last, the preview paced as people type: each session sends its next keystroke {@code pause} ms (400, htmx's
 * {@code delay:400ms}) after the answer to the last, the fastest a typist can make htmx send them.
 * Usage: java PagesBench.java <base URL> <username> <password> <seconds per part> [sessions] [service pid] [pause ms]
 */
public class PagesBench {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String username = args[1];
        String password = args[2];
        long seconds = Long.parseLong(args[3]);
        int sessions = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        String pid = args.length > 5 && !args[5].isEmpty() ? args[5] : null;
        long pause = args.length > 6 ? Long.parseLong(args[6]) : 400;
        List<Session> all = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            all.add(new Session(base, username, password));
        }
        System.out.println("== warm-up (" + seconds + " s)");
        run(all, seconds, Session::type);
        run(all, seconds, Session::browse);
        for (List<Session> who : List.of(all, all.subList(0, 1))) {
            System.out.println("== preview as people type: " + who.size() + " session(s), " + seconds + " s");
            long cpu = cpu(pid);
            List<Long> typed = run(who, seconds, Session::type);
            report(typed, cpu(pid) - cpu);
            System.out.println("== pages (/, /?q=, /intake, /login, /accessibility): " + who.size() + " session(s), "
                    + seconds + " s");
            cpu = cpu(pid);
            List<Long> pages = run(who, seconds, Session::browse);
            report(pages, cpu(pid) - cpu);
        }
        System.out.println("== preview as people type, paced (the next keystroke " + pause + " ms after each answer): "
                + all.size() + " session(s), " + seconds + " s");
        long cpu = cpu(pid);
        List<Long> paced = run(all, seconds, (session, n) -> {
            long took = session.type(n);
            Thread.sleep(pause);
            return took;
        });
        report(paced, cpu(pid) - cpu);
    }

    /** The process's CPU time in clock ticks (user + system), 0 without a pid. */
    static long cpu(String pid) throws Exception {
        if (pid == null) {
            return 0;
        }
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
    }

    interface Step {
        long once(Session session, int n) throws Exception;
    }

    static List<Long> run(List<Session> sessions, long seconds, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (Session session : sessions) {
            futures.add(pool.submit(() -> {
                List<Long> times = new ArrayList<>();
                for (int n = 0; System.nanoTime() < end; n++) {
                    times.add(step.once(session, n));
                }
                return times;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all;
    }

    /** Percentiles, and the CPU time per request when {@code ticks} (at 100 a second) were counted. */
    static void report(List<Long> nanos, long ticks) {
        Collections.sort(nanos);
        System.out.printf("requests %d; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%s%n", nanos.size(),
                at(nanos, 0.50), at(nanos, 0.95), at(nanos, 0.99), nanos.get(nanos.size() - 1) / 1e6,
                ticks > 0 ? String.format("; service CPU %.2f ms per request", ticks * 10.0 / nanos.size()) : "");
    }

    static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    static final class Session {
        final String base;
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        final String csrf;

        Session(String base, String username, String password) throws Exception {
            this.base = base;
            String token = token(get("/login").body());
            Map<String, String> login = Map.of("username", username, "password", password, "_csrf", token);
            HttpResponse<String> signedIn = post("/login", login, false);
            if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("Sign-in failed: " + signedIn.statusCode());
            }
            this.csrf = token(get("/intake").body());
        }

        static String token(String html) {
            Matcher m = CSRF.matcher(html);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token");
            }
            return m.group(1);
        }

        /** One keystroke: the form as it is after {@code n} of them. */
        long type(int n) throws Exception {
            String name = "Tegneappen nummer " + (n % 997);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("solution.name", name.substring(0, 1 + n % name.length()));
            form.put("solution.supplierName", "Tegnefirma ApS");
            form.put("solution.kind", "APP");
            form.put("solution.category", "TEACHING");
            form.put("purpose", "NEW_USE");
            form.put("cost.free", "true");
            boolean personal = n % 2 == 1;
            form.put("personalData.processed", String.valueOf(personal));
            if (personal) {
                form.put("personalData.subjects", "PUPILS");
                form.put("personalData.categories", "CONTACT");
                form.put("personalData.location", "EU_EEA");
            }
            long start = System.nanoTime();
            HttpResponse<String> answer = post("/intake/preview", form, true);
            long took = System.nanoTime() - start;
            if (answer.statusCode() != 200 || !answer.body().contains("data-route=")) {
                throw new IllegalStateException("preview: " + answer.statusCode());
            }
            return took;
        }

        long browse(int n) throws Exception {
            String path = switch (n % 5) {
                case 0 -> "/";
                case 1 -> "/?q=" + (n % 2 == 0 ? "book" : "skole");
                case 2 -> "/intake";
                case 3 -> "/login";
                default -> "/accessibility";
            };
            long start = System.nanoTime();
            HttpResponse<String> page = get(path);
            long took = System.nanoTime() - start;
            if (page.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + page.statusCode());
            }
            return took;
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> fields, boolean htmx) throws Exception {
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (htmx) {
                request.header("HX-Request", "true").header("X-CSRF-TOKEN", csrf);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
