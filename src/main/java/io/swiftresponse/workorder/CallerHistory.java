package io.swiftresponse.workorder;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.identity.Role;
import io.swiftresponse.shared.web.Problem;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A caller's earlier orders, for the agent on the phone (repeat calls, follow-ups). Only the hotline roles
 * that see requesters' phone numbers may search by one.
 */
@Service
public class CallerHistory {

    private final JdbcClient jdbc;
    private final OrderQueries queries;

    CallerHistory(JdbcClient jdbc, OrderQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    @Transactional(readOnly = true)
    public List<OrderView> earlierOrders(String phone, int limit, CurrentUser viewer) {
        if (!(viewer.is(Role.AGENT) || viewer.is(Role.DISPATCHER) || viewer.is(Role.SUPERVISOR))) {
            throw Problem.forbidden("Only agents, dispatchers and supervisors look up a caller's orders.");
        }
        return jdbc.sql("select id from work_order where requester_phone = ? order by recorded_at desc, id desc limit ?")
                .params(phone, limit)
                .query(Long.class)
                .list()
                .stream()
                .map(id -> queries.find(id, viewer))
                .toList();
    }
}
