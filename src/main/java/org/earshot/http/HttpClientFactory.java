package org.earshot.http;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the HTTP clients connectors talk to their platforms with.
 *
 * <p>Automatic retries are off: HttpClient's default repeats a request on 429 and 503, POSTs
 * included, which could post a reply twice. {@link ConnectorResilience} repeats only what is safe.
 */
public final class HttpClientFactory {
    public static final String USER_AGENT = "Earshot/0.1 (+https://github.com/earshot)";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private final Duration connectTimeout;
    private final Duration responseTimeout;

    public HttpClientFactory(Duration connectTimeout, Duration responseTimeout) {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be greater than 0, but was " + connectTimeout);
        }
        if (responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("responseTimeout must be greater than 0, but was " + responseTimeout);
        }
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    public static HttpClientFactory withDefaults() {
        return new HttpClientFactory(DEFAULT_CONNECT_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT);
    }

    public CloseableHttpClient create() {
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(responseTimeout))
                .build();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(connection)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(responseTimeout))
                        .build())
                .setUserAgent(USER_AGENT)
                .disableAutomaticRetries()
                .build();
    }
}
