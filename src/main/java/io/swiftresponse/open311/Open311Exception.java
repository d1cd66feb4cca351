package io.swiftresponse.open311;

/**
 * A failure reported to an Open311 client as an {@code errors} document in the format it asked for. The
 * specification allows 403 (API key), 404 (unknown service, request, token or jurisdiction) and 400 (anything
 * else); 429 is added for the per-key rate limit, with the seconds to wait.
 */
public class Open311Exception extends RuntimeException {

    private final int status;
    private final long retryAfterSeconds;

    private Open311Exception(int status, String description, long retryAfterSeconds) {
        super(description);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static Open311Exception badRequest(String description) {
        return new Open311Exception(400, description, 0);
    }

    public static Open311Exception forbidden(String description) {
        return new Open311Exception(403, description, 0);
    }

    public static Open311Exception notFound(String description) {
        return new Open311Exception(404, description, 0);
    }

    public static Open311Exception tooManyRequests(long retryAfterSeconds) {
        return new Open311Exception(429, "Rate limit of this api_key exceeded; retry after " + retryAfterSeconds + " s.",
                retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
