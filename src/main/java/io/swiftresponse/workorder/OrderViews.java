package io.swiftresponse.workorder;

import io.swiftresponse.identity.CurrentUser;
import java.util.List;

/** Builds what one viewer may see of an order. */
final class OrderViews {

    private OrderViews() {
    }

    static OrderView of(OrderRow o, CurrentUser viewer, CallbackResult lastCallback, List<DeadlineView> clocks) {
        boolean personal = RequesterPrivacy.seesPersonalData(viewer);
        OrderView.LocationView location = new OrderView.LocationView(personal ? o.address() : null,
                personal ? o.lat() : null, personal ? o.lng() : null, o.streetCode(), o.districtCode());
        String description = personal ? o.description() : RequesterPrivacy.maskPhonesInText(o.description());
        return new OrderView(o.id(), o.number(), o.channel(), o.requestType(), o.categoryCode(), o.title(), description,
                RequesterPrivacy.view(o, viewer), location, o.flags(), o.state(), o.leadUnitCode(), o.coUnitCodes(),
                o.copyUnitCode(), o.primaryOrderId(), o.supervised(), o.pendingExtensionDays(), o.reopenCount(),
                o.tierCode(), o.pausedAt() == null ? null : new OrderView.Paused(o.pausedAt(), o.pauseReason()),
                DeadlineViews.summary(clocks), DeadlineViews.status(clocks),
                lastCallback, o.recordedBy(), o.recordedAt(), o.updatedAt(), o.version());
    }
}
