package io.swiftresponse.bench.orders;

/** The load driver's HTTP client: one per worker, not shared between threads. */
interface HttpClientish extends AutoCloseable {
    Resp post(String path, String auth, byte[] json);

    Resp get(String path, String auth);

    @Override
    void close();
}
