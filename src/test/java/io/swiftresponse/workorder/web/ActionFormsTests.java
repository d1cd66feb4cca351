package io.swiftresponse.workorder.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.workorder.OrderAction;
import org.junit.jupiter.api.Test;

class ActionFormsTests {

    /** An action without a form once broke every order page in a state that allows it (rehandle in AWAITING_CALLBACK). */
    @Test
    void everyLifecycleActionHasAForm() {
        assertThat(ActionForms.FIELDS.keySet()).containsExactlyInAnyOrder(OrderAction.values());
    }
}
