package io.swiftresponse.workorder;

/** Flags seen on real orders. */
public enum OrderFlag {
    /** 不稳定因素: escalates the order to the urgent tier. */
    INSTABILITY_RISK,
    /** 特殊人群: elderly, disabled, minors and others needing special care. */
    SPECIAL_POPULATION,
    /** 强制派单 */
    FORCED_DISPATCH,
    /** 每月一题 */
    MONTHLY_TOPIC
}
