package io.swiftresponse.workorder;

import java.util.List;

/**
 * The body of an action; each action reads the fields it needs and says which required one is missing.
 * {@code expectedVersion}, when given, must match the order's version (optimistic concurrency).
 */
public record ActionInput(Integer expectedVersion, String reason, String note, String text, String target,
        Long primaryOrderId, String leadUnitCode, List<String> coUnitCodes, String categoryCode, Integer days,
        Boolean reached, Boolean contacted, Solved solved, Satisfaction satisfaction) {

    public static ActionInput empty() {
        return new ActionInput(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public enum Solved { YES, PARTLY, NO }

    public enum Satisfaction { SATISFIED, BASICALLY_SATISFIED, DISSATISFIED }
}
