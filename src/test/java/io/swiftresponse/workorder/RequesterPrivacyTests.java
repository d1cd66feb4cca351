package io.swiftresponse.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequesterPrivacyTests {

    @Test
    void masksTheMiddleOfAPhoneNumber() {
        assertThat(RequesterPrivacy.mask("13812345678")).isEqualTo("138****5678");
        assertThat(RequesterPrivacy.mask("010-87654321")).isEqualTo("010****4321");
        assertThat(RequesterPrivacy.mask("12345")).isEqualTo("*****");
        assertThat(RequesterPrivacy.mask(null)).isNull();
    }

    @Test
    void masksMobileNumbersWrittenIntoFreeText() {
        assertThat(RequesterPrivacy.maskPhonesInText("请回电13812345678或者13900001111，谢谢"))
                .isEqualTo("请回电138****5678或者139****1111，谢谢");
        assertThat(RequesterPrivacy.maskPhonesInText("订单号2026112900042")).isEqualTo("订单号2026112900042");
    }
}
