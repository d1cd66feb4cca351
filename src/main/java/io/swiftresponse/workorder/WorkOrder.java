package io.swiftresponse.workorder;

import java.time.Instant;
import java.util.List;

/**
 * The work order aggregate as loaded for an action. Its current state is a projection: the truth is the
 * append-only history written beside every change. No setters: each change is a named, guarded method
 * called by {@link OrderActions} after {@link Lifecycle} allowed the action.
 */
final class WorkOrder {

    final long id;
    final String number;
    final String requestType;
    final String title;
    final String streetCode;
    final String districtCode;
    final List<String> flags;
    final boolean confidential;
    final Instant recordedAt;
    final int version;

    private String categoryCode;
    private String tierCode;
    private WorkOrderState state;
    private String leadUnitCode;
    private List<String> coUnitCodes;
    private String copyUnitCode;
    private Long primaryOrderId;
    private boolean supervised;
    private Integer pendingExtensionDays;
    private int reopenCount;
    private long slaPolicyId;
    private Instant pausedAt;
    private String pauseReason;

    WorkOrder(long id, String number, String requestType, String categoryCode, String title, String streetCode,
            String districtCode, List<String> flags, boolean confidential, WorkOrderState state, String leadUnitCode,
            List<String> coUnitCodes, String copyUnitCode, Long primaryOrderId, boolean supervised,
            Integer pendingExtensionDays, int reopenCount, String tierCode, long slaPolicyId, Instant pausedAt,
            String pauseReason, Instant recordedAt, int version) {
        this.id = id;
        this.number = number;
        this.requestType = requestType;
        this.categoryCode = categoryCode;
        this.title = title;
        this.streetCode = streetCode;
        this.districtCode = districtCode;
        this.flags = List.copyOf(flags);
        this.confidential = confidential;
        this.state = state;
        this.leadUnitCode = leadUnitCode;
        this.coUnitCodes = List.copyOf(coUnitCodes);
        this.copyUnitCode = copyUnitCode;
        this.primaryOrderId = primaryOrderId;
        this.supervised = supervised;
        this.pendingExtensionDays = pendingExtensionDays;
        this.reopenCount = reopenCount;
        this.tierCode = tierCode;
        this.slaPolicyId = slaPolicyId;
        this.pausedAt = pausedAt;
        this.pauseReason = pauseReason;
        this.recordedAt = recordedAt;
        this.version = version;
    }

    void moveTo(WorkOrderState next) {
        this.state = next;
    }

    void assign(String lead, List<String> coUnits, String copy) {
        this.leadUnitCode = lead;
        this.coUnitCodes = List.copyOf(coUnits);
        this.copyUnitCode = copy;
    }

    void unassign() {
        assign(null, List.of(), null);
    }

    void classify(String category, String tier, long policyId) {
        this.categoryCode = category;
        this.tierCode = tier;
        this.slaPolicyId = policyId;
    }

    /** The order waits for the requester: its clocks stop until {@link #resume()}. */
    void pause(Instant at, String reason) {
        this.pausedAt = at;
        this.pauseReason = reason;
    }

    void resume() {
        this.pausedAt = null;
        this.pauseReason = null;
    }

    void mergeInto(long primary) {
        this.primaryOrderId = primary;
    }

    void markSupervised() {
        this.supervised = true;
    }

    void requestExtension(int days) {
        this.pendingExtensionDays = days;
    }

    void clearExtensionRequest() {
        this.pendingExtensionDays = null;
    }

    void countReopen() {
        this.reopenCount++;
    }

    WorkOrderState state() {
        return state;
    }

    String categoryCode() {
        return categoryCode;
    }

    String tierCode() {
        return tierCode;
    }

    String leadUnitCode() {
        return leadUnitCode;
    }

    List<String> coUnitCodes() {
        return coUnitCodes;
    }

    String copyUnitCode() {
        return copyUnitCode;
    }

    Long primaryOrderId() {
        return primaryOrderId;
    }

    boolean supervised() {
        return supervised;
    }

    Integer pendingExtensionDays() {
        return pendingExtensionDays;
    }

    int reopenCount() {
        return reopenCount;
    }

    long slaPolicyId() {
        return slaPolicyId;
    }

    Instant pausedAt() {
        return pausedAt;
    }

    String pauseReason() {
        return pauseReason;
    }
}
