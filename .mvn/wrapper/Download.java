import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * ./mvnw's downloader for a machine without curl or wget: {@code java Download.java URL FILE}
 * (a JDK 11+ runs a source file directly). Follows redirects, honours {@code https_proxy} /
 * {@code http_proxy} and {@code no_proxy} as curl does, and writes FILE only when the whole body arrived with status
 * 200. The caller verifies the checksum. On failure: one line on stderr, exit status 1.
 */
public final class Download {
    private Download() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java Download.java URL FILE");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        Path file = Path.of(args[1]);
        try {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(30));
            String proxy = bypassesProxy(uri.getHost()) ? null : proxyFor(uri.getScheme());
            if (proxy != null) {
                URI p = URI.create(proxy.contains("://") ? proxy : "http://" + proxy);
                builder.proxy(ProxySelector.of(new InetSocketAddress(p.getHost(), p.getPort() < 0 ? 80 : p.getPort())));
            }
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build();
            Path part = file.resolveSibling(file.getFileName() + ".part");
            HttpResponse<Path> response = builder.build().send(request, HttpResponse.BodyHandlers.ofFile(part));
            if (response.statusCode() != 200) {
                Files.deleteIfExists(part);
                System.err.println("Download: " + uri + ": HTTP status " + response.statusCode());
                System.exit(1);
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("Download: " + uri + ": " + e);
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    private static boolean bypassesProxy(String host) {
        String list = System.getenv("no_proxy") != null ? System.getenv("no_proxy") : System.getenv("NO_PROXY");
        if (host == null || host.equals("localhost") || host.startsWith("127.")) {
            return true;
        }
        for (String entry : list == null ? new String[0] : list.split(",")) {
            String e = entry.strip();
            if (e.equals("*") || !e.isEmpty() && (host.equals(e) || host.endsWith(e.startsWith(".") ? e : "." + e))) {
                return true;
            }
        }
        return false;
    }

    private static String proxyFor(String scheme) {
        String name = scheme + "_proxy";
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase(java.util.Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value;
    }
}
