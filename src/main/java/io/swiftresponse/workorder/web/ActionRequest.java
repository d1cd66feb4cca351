package io.swiftresponse.workorder.web;

import io.swiftresponse.workorder.ActionInput;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/v1/orders/{id}/actions/{action}}. Which fields are required depends on the
 * action (a return needs {@code reason}, a reply {@code text}, a merge {@code primaryOrderId}, ...); the
 * answer names the missing one.
 */
record ActionRequest(
        @PositiveOrZero Integer expectedVersion,
        @Size(max = 2000) String reason,
        @Size(max = 2000) String note,
        @Size(max = 5000) String text,
        @Size(max = 8) String target,
        Long primaryOrderId,
        @Size(max = 32) String leadUnitCode,
        @Size(max = 10) List<@NotNull @Size(max = 32) String> coUnitCodes,
        @Size(max = 16) String categoryCode,
        @Min(1) @Max(30) Integer days,
        Boolean reached,
        Boolean contacted,
        ActionInput.Solved solved,
        ActionInput.Satisfaction satisfaction) {

    ActionInput toInput() {
        return new ActionInput(expectedVersion, reason, note, text, target, primaryOrderId, leadUnitCode, coUnitCodes,
                categoryCode, days, reached, contacted, solved, satisfaction);
    }
}
