package io.swiftresponse.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swiftresponse.shared.web.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttachmentFileTests {

    @Test
    void recognisesImagesAndPdfByTheirFirstBytesWhateverTheName() {
        assertThat(AttachmentFile.checked("photo.pdf", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x01}).contentType())
                .isEqualTo("image/jpeg");
        assertThat(AttachmentFile.checked("x", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}).contentType())
                .isEqualTo("image/png");
        assertThat(AttachmentFile.checked("x", "RIFF0000WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)).contentType())
                .isEqualTo("image/webp");
        assertThat(AttachmentFile.checked("r.pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)).contentType())
                .isEqualTo("application/pdf");
    }

    @Test
    void refusesOtherTypesEmptyFilesAndFilesOverTheLimit() {
        assertThatThrownBy(() -> AttachmentFile.checked("report.pdf", "MZ\u0090 executable".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(Problem.class).hasMessageContaining("not a JPEG, PNG or WebP image or a PDF");
        assertThatThrownBy(() -> AttachmentFile.checked("page.png", "<svg onload=alert(1)>".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(Problem.class);
        assertThatThrownBy(() -> AttachmentFile.checked("a.png", new byte[0])).hasMessageContaining("empty");
        byte[] big = new byte[(int) AttachmentFile.MAX_BYTES + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertThatThrownBy(() -> AttachmentFile.checked("big.jpg", big)).hasMessageContaining("the limit is 5 MB");
    }

    @Test
    void keepsOnlyTheLastSegmentOfTheUploadedName() {
        assertThat(AttachmentFile.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentFile.safeName("C:\\Users\\me\\photo.jpg")).isEqualTo("photo.jpg");
        assertThat(AttachmentFile.safeName("a\u0000b.png")).isEqualTo("ab.png");
        assertThat(AttachmentFile.safeName("  ")).isEqualTo("file");
    }
}
