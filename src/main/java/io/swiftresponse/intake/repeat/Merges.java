package io.swiftresponse.intake.repeat;

import io.swiftresponse.directory.Directory;
import io.swiftresponse.directory.Unit;
import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.workorder.ActionInput;
import io.swiftresponse.workorder.HistoryEntry;
import io.swiftresponse.workorder.OrderAction;
import io.swiftresponse.workorder.OrderQueries;
import io.swiftresponse.workorder.OrderView;
import io.swiftresponse.workorder.WorkOrderState;
import io.swiftresponse.workorder.WorkOrders;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 并单: merges a new order into the existing one it repeats, through the work order's own {@code merge} action
 * (state, role and scope checks stay there), and says what to tell the requester: the existing order's progress.
 * That sentence is also written into the merge's history entry, so the record shows what the caller was told.
 */
@Service
public class Merges {

    /** The merged order, the existing order's progress, and the sentence for the requester (zh-CN). */
    public record Result(OrderView order, Progress primary, String tellRequester) {
    }

    public record Progress(long id, String number, WorkOrderState state, String stateName, String leadUnitCode,
            String leadUnitName, String lastAction, java.time.Instant lastActionAt) {
    }

    private static final Map<WorkOrderState, String> STATE_ZH = new EnumMap<>(Map.ofEntries(
            Map.entry(WorkOrderState.RECEIVED, "已受理"), Map.entry(WorkOrderState.ANSWERED, "已直接答复"),
            Map.entry(WorkOrderState.TRANSFERRED_EMERGENCY, "已转紧急服务"), Map.entry(WorkOrderState.REFERRED, "已告知法定途径"),
            Map.entry(WorkOrderState.MERGED, "已并单"), Map.entry(WorkOrderState.AWAITING_DISPATCH, "待派单"),
            Map.entry(WorkOrderState.DISPATCHED, "已派单"), Map.entry(WorkOrderState.RETURN_REQUESTED, "退单审核中"),
            Map.entry(WorkOrderState.SIGNED, "承办单位已签收"), Map.entry(WorkOrderState.IN_PROGRESS, "办理中"),
            Map.entry(WorkOrderState.REPLIED, "承办单位已反馈"), Map.entry(WorkOrderState.AWAITING_CALLBACK, "待回访"),
            Map.entry(WorkOrderState.CLOSED, "已办结"), Map.entry(WorkOrderState.REOPENED, "重办中")));

    private final WorkOrders workOrders;
    private final OrderQueries queries;
    private final Directory directory;
    private final DateTimeFormatter day;

    Merges(WorkOrders workOrders, OrderQueries queries, Directory directory, @Value("${swift.city.zone:Asia/Shanghai}") String zone) {
        this.workOrders = workOrders;
        this.queries = queries;
        this.directory = directory;
        this.day = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of(zone));
    }

    @Transactional
    public Result merge(long orderId, long primaryOrderId, String note, Integer expectedVersion, CurrentUser actor) {
        OrderView primary = queries.find(primaryOrderId, actor);
        List<HistoryEntry> history = queries.history(primaryOrderId, actor);
        HistoryEntry last = history.isEmpty() ? null : history.get(history.size() - 1);
        String unitName = primary.leadUnitCode() == null ? null
                : directory.find(primary.leadUnitCode()).map(Unit::name).orElse(primary.leadUnitCode());
        String stateName = STATE_ZH.getOrDefault(primary.state(), primary.state().name());
        String tell = "您反映的问题已于" + day.format(primary.recordedAt()) + "受理（工单号 " + primary.number() + "），目前" + stateName
                + (unitName == null ? "" : "，承办单位：" + unitName) + "。我们已将您的来电并入该工单，办理结果会一并告知您。";
        String reason = (note == null || note.isBlank() ? "" : note.strip() + " — ") + "并入 " + primary.number() + "：" + stateName
                + (unitName == null ? "" : "，" + unitName);
        ActionInput input = new ActionInput(expectedVersion, null, reason, null, null, primaryOrderId, null, null, null, null, null,
                null, null, null);
        OrderView merged = workOrders.act(orderId, OrderAction.MERGE, input, actor);
        return new Result(merged, new Progress(primary.id(), primary.number(), primary.state(), stateName, primary.leadUnitCode(),
                unitName, last == null ? null : last.action(), last == null ? null : last.at()), tell);
    }
}
