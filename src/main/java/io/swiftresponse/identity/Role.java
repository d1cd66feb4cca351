package io.swiftresponse.identity;

/**
 * Roles of the hotline. Agents (话务员) record and answer; dispatchers (派单员) dispatch and decide returns;
 * supervisors (督办员) supervise and see everything; analysts read without personal data; handlers act for
 * their own unit (承办单位); admins administer reference data.
 */
public enum Role {
    AGENT,
    DISPATCHER,
    SUPERVISOR,
    ANALYST,
    ADMIN,
    HANDLER
}
