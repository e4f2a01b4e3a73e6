package dk.kk.itassessment.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.0 written by hand over a socket, for what {@link Api}'s client cannot do: send from another loopback address
 * (127.0.0.2 and on are the same machine, and the service sees each as a client address of its own) and send a
 * {@code Host} header of the test's choice.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** An answer: the status, the headers (names in lower case; the last of repeated ones) and the body. */
    public record Response(int status, Map<String, String> headers, String body) {
    }

    /** {@code method path} from {@code from} (a loopback address) to the service, with {@code headers}. */
    public static Response send(int port, String from, String method, String path, Map<String, String> headers) {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(60_000);
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code request} sent as it is (request line, headers and all), for what no client would write. */
    public static Response raw(int port, String request) {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(60_000);
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET with HTTP Basic credentials, from {@code from}. */
    public static Response get(int port, String from, String path, String username, String password) {
        return send(port, from, "GET", path, Map.of("Host", "localhost", "Authorization", Api.basic(username, password)));
    }

    private static Response parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] head = (end < 0 ? text : text.substring(0, end)).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            if (colon > 0) {
                headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
            }
        }
        String body = end < 0 ? "" : text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunked(body);
        }
        return new Response(Integer.parseInt(head[0].split(" ")[1]), headers, body);
    }

    private static String unchunked(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int line = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, line).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, line + 2, line + 2 + size);
            at = line + 2 + size + 2;
        }
        return body.toString();
    }
}
