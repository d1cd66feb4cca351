package io.swiftresponse.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.swiftresponse.search.index.PersonalDataScrubber;
import org.junit.jupiter.api.Test;

class PersonalDataScrubberTests {

    @Test
    void removesTheRequestersNameAndPhoneAndAnyPhoneNumberInText() {
        String text = "张三丰反映：请回电13812345678或010-64001234，邻居李四电话13900001111";
        String scrubbed = PersonalDataScrubber.scrub(text, "张三丰", "13812345678");
        assertThat(scrubbed).isEqualTo("某某反映：请回电***或***，邻居李四电话***");
    }

    @Test
    void leavesOrdinaryNumbersAndShortNamesAlone() {
        assertThat(PersonalDataScrubber.scrub("3号楼2单元室温15度", "王", null)).isEqualTo("3号楼2单元室温15度");
        assertThat(PersonalDataScrubber.scrub(null, "王五", "13812345678")).isNull();
    }
}
