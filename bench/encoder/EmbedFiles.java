package io.swiftresponse.intake.classifier;

import java.io.DataOutputStream;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Experiment only (see bench/encoder/run.sh): embeds the texts of a CSV in length-sorted batches of 8 and writes
 * them as big-endian floats (rows, dimension, then the vectors in file order). Arguments: modelDir csv textColumn
 * labelColumn out.bin maxTokens.
 */
public class EmbedFiles {
    public static void main(String[] a) throws Exception {
        List<LabelledText> rows = EnsembleExperiment.read(a[1], a[2], a[3]);
        int maxLen = Integer.parseInt(a[5]);
        int limit = rows.size();
        try (BertEmbedder e = new BertEmbedder(Path.of(a[0]), maxLen, Integer.getInteger("threads", 2))) {
            List<long[]> enc = new ArrayList<>();
            for (int i = 0; i < limit; i++) {
                enc.add(e.encode(rows.get(i).text()));
            }
            Integer[] order = IntStream.range(0, limit).boxed().sorted(Comparator.comparingInt(i -> enc.get(i).length)).toArray(Integer[]::new);
            float[][] out = new float[limit][];
            int bs = Integer.getInteger("batch", 8);
            long t0 = System.nanoTime();
            long tokens = 0;
            for (int s = 0; s < limit; s += bs) {
                List<long[]> batch = new ArrayList<>();
                for (int j = s; j < Math.min(limit, s + bs); j++) {
                    batch.add(enc.get(order[j]));
                    tokens += enc.get(order[j]).length;
                }
                float[][] r = e.embed(batch);
                for (int j = 0; j < r.length; j++) {
                    out[order[s + j]] = r[j];
                }
                if ((s / bs) % 100 == 0) {
                    System.out.printf("%d/%d %.1f s%n", s, limit, (System.nanoTime() - t0) / 1e9);
                }
            }
            double sec = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%d texts, %d tokens in %.1f s: %.1f ms a text%n", limit, tokens, sec, sec * 1000 / limit);
            try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(Path.of(a[4]))))) {
                o.writeInt(limit);
                o.writeInt(out[0].length);
                for (float[] v : out) {
                    for (float x : v) {
                        o.writeFloat(x);
                    }
                }
            }
        }
    }
}
