package io.ordo.adapters.web.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Single sign-on for the console (OIDC authorization code with PKCE, a public client): where the identity provider
 * signs users in, and the exchange of the code it returns for a token, made by the service so that the page needs no
 * connection beyond its own origin. Configured by {@code ordo.console.oidc-client-id}; the endpoints come from
 * {@code ordo.console.oidc-authorization-uri} and {@code -token-uri}, or else from the issuer's discovery document.
 */
public final class ConsoleSignOn {

    /** What the page needs to send a user to the identity provider. */
    public record Settings(String clientId, String authorizationEndpoint) {}

    private final String clientId;
    private final String issuer;
    private final RestClient http;
    private volatile String authorizationUri;
    private volatile String tokenUri;

    public ConsoleSignOn(String clientId, String issuer, String authorizationUri, String tokenUri) {
        this.clientId = clientId;
        this.issuer = issuer;
        this.authorizationUri = blankToNull(authorizationUri);
        this.tokenUri = blankToNull(tokenUri);
        this.http = RestClient.create();
    }

    /** Empty when single sign-on is not configured (or the issuer cannot be asked where it signs users in). */
    public Optional<Settings> settings() {
        if (clientId == null || clientId.isBlank() || !discovered()) {
            return Optional.empty();
        }
        return Optional.of(new Settings(clientId, authorizationUri));
    }

    /**
     * The access token the identity provider issues for {@code code}, checked by it against the verifier of the
     * PKCE challenge the page sent; empty when it refuses.
     */
    public Optional<String> exchange(String code, String codeVerifier, String redirectUri) {
        if (settings().isEmpty() || code == null || codeVerifier == null || redirectUri == null) {
            return Optional.empty();
        }
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", redirectUri);
        form.add("client_id", clientId);
        form.add("code_verifier", codeVerifier);
        try {
            JsonNode answer = http.post()
                    .uri(URI.create(tokenUri))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(form)
                    .retrieve()
                    .body(JsonNode.class);
            return Optional.ofNullable(answer)
                    .map(a -> a.path("access_token").asText(null))
                    .filter(token -> !token.isBlank());
        } catch (RestClientException refused) {
            return Optional.empty();
        }
    }

    private boolean discovered() {
        if (authorizationUri != null && tokenUri != null) {
            return true;
        }
        if (issuer == null || issuer.isBlank()) {
            return false;
        }
        try {
            JsonNode metadata = http.get()
                    .uri(URI.create(issuer.replaceAll("/$", "") + "/.well-known/openid-configuration"))
                    .retrieve()
                    .body(JsonNode.class);
            if (metadata == null) {
                return false;
            }
            authorizationUri = metadata.path("authorization_endpoint").asText(null);
            tokenUri = metadata.path("token_endpoint").asText(null);
            return authorizationUri != null && tokenUri != null;
        } catch (RestClientException unreachable) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
