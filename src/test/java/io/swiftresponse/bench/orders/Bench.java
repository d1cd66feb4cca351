package io.swiftresponse.bench.orders;

import java.util.ArrayList;
import java.util.List;

/** What every phase works with: the options, the server under load, the city's catalogue and the pool of bodies. */
final class Bench {
    final Options opt;
    /** Said once in the report, after the figures. */
    final List<String> notes = new ArrayList<>();
    final String baseUrl;
    /** The database for the raw JDBC phase; null when attached to a server without --jdbc-url. */
    final String jdbcUrl;
    /** The processes whose CPU is accounted: the child server, or with --url the pids given by --server-pid. */
    final Watched watched;
    Catalog catalog;
    List<Body> pool;

    Bench(Options opt, String baseUrl, String jdbcUrl, Watched watched) {
        this.opt = opt;
        this.baseUrl = baseUrl;
        this.jdbcUrl = jdbcUrl;
        this.watched = watched;
    }

    HttpClientish client() {
        return opt.client.equals("jdk") ? new JdkClient(baseUrl) : new SocketClient(baseUrl);
    }
}
