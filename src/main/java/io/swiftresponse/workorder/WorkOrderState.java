package io.swiftresponse.workorder;

/**
 * States of a work order (domain guide section 4). Warnings, overdue and supervision are flags, not states.
 */
public enum WorkOrderState {
    /** 已受理: recorded by an agent, triage pending. */
    RECEIVED,
    /** 直接答复: a consultation answered on the spot. Terminal. */
    ANSWERED,
    /** 转110/119/120/122: handed to emergency services. Terminal. */
    TRANSFERRED_EMERGENCY,
    /** 告知法定途径: referred to courts, arbitration or petitions. Terminal. */
    REFERRED,
    /** 并单: a repeat merged into its primary order. Terminal. */
    MERGED,
    /** 待派单 */
    AWAITING_DISPATCH,
    /** 已派单: sent to the lead unit (and co-units, copy to the district). */
    DISPATCHED,
    /** 退单申请: the lead unit disputes jurisdiction; the hotline decides. */
    RETURN_REQUESTED,
    /** 已签收 */
    SIGNED,
    /** 办理中: the requester has been contacted. */
    IN_PROGRESS,
    /** 已反馈: the unit replied; the hotline reviews the reply. */
    REPLIED,
    /** 待回访 */
    AWAITING_CALLBACK,
    /** 已办结 */
    CLOSED,
    /** 重办: reopened after an unsolved callback; goes back to dispatch. */
    REOPENED;

    public boolean terminal() {
        return this == ANSWERED || this == TRANSFERRED_EMERGENCY || this == REFERRED || this == MERGED || this == CLOSED;
    }
}
