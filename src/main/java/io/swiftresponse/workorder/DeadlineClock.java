package io.swiftresponse.workorder;

/**
 * The clocks every order runs against: dispatch (派单), sign (签收), first contact with the requester,
 * reply (反馈) and callback (回访). Which action starts each one is policy data; which action meets it is
 * fixed by the lifecycle ({@link DeadlineKeeper}).
 */
public enum DeadlineClock {
    DISPATCH,
    SIGN,
    CONTACT,
    REPLY,
    CALLBACK
}
