package dk.kk.itassessment.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import dk.kk.itassessment.access.Role;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Lazy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the running service: real requests over a socket, answers as JSON trees. The client
 * injected into tests acts as the test ADMIN ({@link TestAccounts}); {@link #as} acts as another account and
 * {@link #anonymous()} sends no credentials.
 */
public class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Environment environment;
    private final String authorization;

    Api(Environment environment, String authorization) {
        this.environment = environment;
        this.authorization = authorization;
    }

    /** A client that sends HTTP Basic credentials of a test account (see {@link TestAccounts#password}). */
    public Api as(String username) {
        return as(username, TestAccounts.password(username));
    }

    /** A client for the account of {@code role} that {@link TestAccounts} created. */
    public Api as(Role role) {
        return as(TestAccounts.username(role));
    }

    public Api as(String username, String password) {
        return new Api(environment, basic(username, password));
    }

    /** A client that sends no credentials. */
    public Api anonymous() {
        return new Api(environment, null);
    }

    /** The {@code Authorization} header this client sends (null for none), for tests with their own HTTP client. */
    public String authorization() {
        return authorization;
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port() + path);
    }

    /** The port the service listens on. */
    public int port() {
        return Integer.parseInt(environment.getProperty("local.server.port"));
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        return send(path, "POST", "application/json", bytes(body), headers);
    }

    public Response put(String path, Object body) {
        return send(path, "PUT", "application/json", bytes(body), Map.of());
    }

    public Response send(String path, String method, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request);
    }

    public Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response, new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code clients} calls of {@code request}, all started at once, each on a thread of its own; their answers. */
    public static List<Response> concurrently(int clients, Callable<Response> request) throws Exception {
        return concurrently(clients, client -> request.call());
    }

    /** A call made by client number {@code client} (0, 1, …). */
    public interface Call {
        Response call(int client) throws Exception;
    }

    /** {@code clients} calls, all started at once, each on a thread of its own; their answers, by client. */
    public static List<Response> concurrently(int clients, Call request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call(client);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get(120, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    public static byte[] bytes(Object body) {
        if (body instanceof byte[] b) {
            return b;
        }
        if (body instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        return JSON.writeValueAsBytes(body);
    }

    public static JsonMapper json() {
        return JSON;
    }

    /** An answer: status, headers and the body as text and as JSON. */
    public record Response(int status, HttpResponse<byte[]> raw, String text) {

        public JsonNode json() {
            return JSON.readTree(text);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Lazy
        Api api(Environment environment) {
            return new Api(environment, basic(TestAccounts.username(Role.ADMIN), TestAccounts.password(TestAccounts.username(Role.ADMIN))));
        }
    }
}
